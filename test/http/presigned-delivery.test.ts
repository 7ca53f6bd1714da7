import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import { s3StorageEnv } from '../helpers/stack.js';
import {
  createUser,
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

const JPEG = corpusPath('gps/HTC Desire.jpg');

// Storage is S3 here whatever the stack, so this runs on SQLite + S3 and on PostgreSQL + S3.
describe('media delivered by presigned URLs (KEEPSAKE_MEDIA_DELIVERY=presigned)', () => {
  let t: TestApp;
  let admin: Session;
  let assetId: string;
  let version: string;

  before(async () => {
    t = await startTestApp({
      env: { ...(await s3StorageEnv()), KEEPSAKE_MEDIA_DELIVERY: 'presigned' },
    });
    admin = await setupAdmin(t.app);
    assetId = (await uploadFile(t.app, admin, JPEG)).json<{ id: string }>().id;
    const asset = await waitForAsset(t.app, admin, assetId);
    assert.equal(asset.status, 'ready');
    version = asset.thumbnailVersion as string;
  });
  after(() => t?.close());

  const get = (url: string, session: Session = admin) =>
    t.app.inject({ method: 'GET', url, headers: session.headers });

  it('redirects to the original in the store, which serves it byte for byte', async () => {
    const res = await get(`/api/assets/${assetId}/original`);
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.etag, undefined); // a revalidated redirect could point at an expired URL
    const location = new URL(res.headers.location as string);
    assert.match(location.search, /X-Amz-Signature=/);
    assert.match(location.search, /X-Amz-Expires=900\b/);

    const direct = await fetch(location);
    assert.equal(direct.status, 200);
    assert.equal(direct.headers.get('content-type'), 'image/jpeg');
    assert.match(direct.headers.get('content-disposition') ?? '', /filename="HTC Desire.jpg"/);
    assert.ok(Buffer.from(await direct.arrayBuffer()).equals(await readFile(JPEG)));
  });

  it('redirects renditions, cacheable only when the request names their version', async () => {
    const versioned = await get(`/api/assets/${assetId}/thumbnail?v=${version}`);
    assert.equal(versioned.statusCode, 302);
    assert.equal(versioned.headers['cache-control'], 'private, max-age=450');
    const unversioned = await get(`/api/assets/${assetId}/thumbnail?size=preview`);
    assert.equal(unversioned.statusCode, 302);
    assert.equal(unversioned.headers['cache-control'], 'no-store');

    const thumbnail = await fetch(versioned.headers.location as string);
    assert.equal(thumbnail.headers.get('content-type'), 'image/webp');
    const me = (await get('/api/users/me')).json<{ id: string }>();
    const stored = await (await t.keepsake.assets.rendition(me.id, assetId, 'thumbnail')).open();
    const chunks: Buffer[] = [];
    for await (const chunk of stored) chunks.push(chunk as Buffer);
    assert.ok(Buffer.from(await thumbnail.arrayBuffer()).equals(Buffer.concat(chunks)));
  });

  it('another user gets 404, not a URL', async () => {
    const other = await createUser(t.app, admin, 'Mallory');
    for (const path of ['original', 'thumbnail', 'thumbnail?size=preview']) {
      const res = await get(`/api/assets/${assetId}/${path}`, other);
      assert.equal(res.statusCode, 404, path);
      assert.equal(res.headers.location, undefined);
    }
  });
});
