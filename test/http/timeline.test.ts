import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { corpusFiles, corpusPath } from '../helpers/corpus.js';
import {
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

describe('timeline', () => {
  let t: TestApp;
  let admin: Session;
  const taken = new Map<string, string>();

  before(async () => {
    t = await startTestApp();
    admin = await setupAdmin(t.app);
    for (const file of await corpusFiles('gps')) {
      const { id } = (await uploadFile(t.app, admin, corpusPath(file))).json();
      taken.set(id, String((await waitForAsset(t.app, admin, id)).takenAt));
    }
  });
  after(() => t.close());

  it('lists months newest first with counts that add up, by local capture time', async () => {
    const buckets = (
      await t.app.inject({ url: '/api/timeline/buckets', headers: admin.headers })
    ).json();
    const months = buckets.map((b: { bucket: string }) => b.bucket);
    assert.deepEqual(months, [...months].sort().reverse());
    const expected = new Map<string, number>();
    for (const takenAt of taken.values())
      expected.set(takenAt.slice(0, 7), (expected.get(takenAt.slice(0, 7)) ?? 0) + 1);
    assert.deepEqual(
      new Map(buckets.map((b: { bucket: string; count: number }) => [b.bucket, b.count])),
      expected,
    );
  });

  it('serves a month newest first with what a grid needs, in pages that join up', async () => {
    const buckets = (
      await t.app.inject({ url: '/api/timeline/buckets', headers: admin.headers })
    ).json();
    const all: { id: string; takenAt: string; aspectRatio: number; thumbhash: string }[] = [];
    for (const { bucket } of buckets) {
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const page = (
          await t.app.inject({
            url: `/api/timeline/buckets/${bucket}?limit=1${query}`,
            headers: admin.headers,
          })
        ).json();
        assert.ok(page.assets.length <= 1);
        all.push(...page.assets);
        cursor = page.nextCursor;
      } while (cursor);
    }
    assert.equal(all.length, taken.size);
    assert.equal(new Set(all.map((a) => a.id)).size, taken.size);
    for (const item of all) {
      assert.equal(item.takenAt, taken.get(item.id));
      assert.ok(item.aspectRatio > 0.5 && item.aspectRatio < 2, String(item.aspectRatio));
      assert.ok(item.thumbhash);
    }
    const locals = all.map((a) => a.takenAt.slice(0, 23));
    assert.deepEqual(locals, [...locals].sort().reverse(), 'newest first');
  });

  it('rejects a malformed month or cursor', async () => {
    assert.equal(
      (await t.app.inject({ url: '/api/timeline/buckets/2020-13', headers: admin.headers }))
        .statusCode,
      400,
    );
    assert.equal(
      (await t.app.inject({ url: '/api/timeline/buckets/May', headers: admin.headers })).statusCode,
      400,
    );
    const bad = await t.app.inject({
      url: '/api/timeline/buckets/2020-01?cursor=bm9wZQ',
      headers: admin.headers,
    });
    assert.equal(bad.json().code, 'VALIDATION_FAILED');
  });
});
