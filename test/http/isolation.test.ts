import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  setupAdmin,
  startTestApp,
  uploadBytes,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

describe('one user can never read or change another user’s data', () => {
  let t: TestApp;
  let alice: Session;
  let bob: Session;
  let aliceAsset: string;
  let shared: Buffer;

  before(async () => {
    t = await startTestApp();
    alice = await setupAdmin(t.app);
    bob = await createUser(t.app, alice, 'Bob');
    shared = await readFile(corpusPath('gps/Apple iPhone 4.jpg'));
    aliceAsset = (await uploadBytes(t.app, alice, shared, 'alice.jpg')).json().id;
    await waitForAsset(t.app, alice, aliceAsset);
  });
  after(() => t.close());

  it('answers 404 on every asset route for someone else’s asset', async () => {
    const routes = [
      { method: 'GET', url: `/api/assets/${aliceAsset}` },
      { method: 'GET', url: `/api/assets/${aliceAsset}/original` },
      { method: 'GET', url: `/api/assets/${aliceAsset}/thumbnail?size=thumbnail` },
      { method: 'GET', url: `/api/assets/${aliceAsset}/thumbnail?size=preview` },
      { method: 'PATCH', url: `/api/assets/${aliceAsset}`, payload: { isFavorite: true } },
      { method: 'DELETE', url: `/api/assets/${aliceAsset}` },
      { method: 'POST', url: `/api/assets/${aliceAsset}/restore` },
      { method: 'POST', url: `/api/assets/${aliceAsset}/reprocess` },
    ] as const;
    for (const route of routes) {
      const res = await t.app.inject({ ...route, headers: bob.headers });
      assert.equal(res.statusCode, 404, `${route.method} ${route.url}: ${res.statusCode}`);
      assert.equal(res.json().code, 'ASSET_NOT_FOUND');
    }
    const untouched = (
      await t.app.inject({ url: `/api/assets/${aliceAsset}`, headers: alice.headers })
    ).json();
    assert.equal(untouched.isFavorite, false);
    assert.equal(untouched.isTrashed, false);
  });

  it('shows nothing of Alice in Bob’s lists, timeline, checksum checks or trash', async () => {
    const checksum = (
      await t.app.inject({ url: `/api/assets/${aliceAsset}`, headers: alice.headers })
    ).json().checksum;
    const aliceBuckets = (
      await t.app.inject({ url: '/api/timeline/buckets', headers: alice.headers })
    ).json();
    assert.equal(aliceBuckets.length, 1);
    assert.deepEqual(
      (await t.app.inject({ url: '/api/timeline/buckets', headers: bob.headers })).json(),
      [],
    );
    const month = await t.app.inject({
      url: `/api/timeline/buckets/${aliceBuckets[0].bucket}`,
      headers: bob.headers,
    });
    assert.deepEqual(month.json().assets, []);
    assert.deepEqual(
      (await t.app.inject({ url: '/api/assets', headers: bob.headers })).json().assets,
      [],
    );
    const exist = await t.app.inject({
      method: 'POST',
      url: '/api/assets/exist',
      headers: bob.headers,
      payload: { checksums: [checksum] },
    });
    assert.deepEqual(exist.json().existing, []);
    await t.app.inject({ method: 'DELETE', url: '/api/trash', headers: bob.headers });
    assert.equal(
      (await t.app.inject({ url: `/api/assets/${aliceAsset}`, headers: alice.headers })).statusCode,
      200,
    );
  });

  it('gives each person their own asset for the same bytes, and purging one keeps the other’s file', async () => {
    const bobs = await uploadBytes(t.app, bob, shared, 'bob.jpg');
    assert.equal(bobs.statusCode, 201, 'not a duplicate: it is Bob’s first copy');
    const bobAsset = bobs.json().id;
    assert.notEqual(bobAsset, aliceAsset);
    await waitForAsset(t.app, bob, bobAsset);
    await t.app.inject({ method: 'DELETE', url: `/api/assets/${bobAsset}`, headers: bob.headers });
    await t.app.inject({ method: 'DELETE', url: '/api/trash', headers: bob.headers });
    const original = await t.app.inject({
      url: `/api/assets/${aliceAsset}/original`,
      headers: alice.headers,
    });
    assert.equal(original.statusCode, 200);
    assert.ok(original.rawPayload.equals(shared));
  });

  it('keeps tus uploads private to their uploader', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: {
        ...alice.headers,
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        'upload-metadata': `filename ${Buffer.from('a.jpg').toString('base64')}`,
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const location = String(created.headers.location);
    const head = await t.app.inject({
      method: 'HEAD',
      url: location,
      headers: { ...bob.headers, 'tus-resumable': '1.0.0' },
    });
    assert.equal(head.statusCode, 404);
    const del = await t.app.inject({
      method: 'DELETE',
      url: location,
      headers: { ...bob.headers, 'tus-resumable': '1.0.0' },
    });
    assert.equal(del.statusCode, 404);
    const own = await t.app.inject({
      method: 'HEAD',
      url: location,
      headers: { ...alice.headers, 'tus-resumable': '1.0.0' },
    });
    assert.equal(own.statusCode, 200);
  });
});
