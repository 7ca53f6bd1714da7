import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import {
  setupAdmin,
  startTestApp,
  uploadBytes,
  uploadFile,
  waitForAsset,
  storedKeys,
  stagedLeftovers,
  multipart,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

const JPEG = corpusPath('jpeg-exif/_MG_0636.JPG');
const OTHER_JPEG = corpusPath('gps/Apple iPhone 4.jpg');
const DAY = 86_400_000;

describe('assets: upload, dedupe, serve, trash', () => {
  let t: TestApp;
  let admin: Session;
  let clockOffset = 0;

  before(async () => {
    t = await startTestApp({ clock: { now: () => new Date(Date.now() + clockOffset) } });
    admin = await setupAdmin(t.app);
  });
  after(() => t.close());

  it('stores an upload once: the same bytes again answer 200 "duplicate" with the same id', async () => {
    const first = await uploadFile(t.app, admin, JPEG);
    assert.equal(first.statusCode, 201);
    assert.equal(first.json().status, 'created');
    const second = await uploadBytes(t.app, admin, await readFile(JPEG), 'renamed copy.jpg');
    assert.equal(second.statusCode, 200);
    assert.deepEqual(second.json(), { id: first.json().id, status: 'duplicate' });
    const originals = (await storedKeys(t)).filter((key) => key.startsWith('originals/'));
    assert.equal(originals.length, 1);
    assert.equal(await stagedLeftovers(t), 0, 'no leftovers in staging');
  });

  it('tells a client which checksums it already has', async () => {
    const have = createHash('sha256')
      .update(await readFile(JPEG))
      .digest('hex');
    const missing = 'a'.repeat(64);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/assets/exist',
      headers: admin.headers,
      payload: { checksums: [have.toUpperCase(), missing] },
    });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      res.json().existing.map((e: { checksum: string }) => e.checksum),
      [have],
    );
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/assets/exist',
      headers: admin.headers,
      payload: { checksums: ['not-a-checksum'] },
    });
    assert.equal(bad.json().code, 'VALIDATION_FAILED');
  });

  it('refuses empty, unsupported and file-less uploads with clear 4xx codes', async () => {
    const empty = await uploadBytes(t.app, admin, Buffer.alloc(0), 'empty.jpg');
    assert.equal(empty.statusCode, 400);
    assert.equal(empty.json().code, 'EMPTY_FILE');
    const text = await uploadBytes(
      t.app,
      admin,
      Buffer.from('just some notes, not a photo'),
      'notes.jpg',
    );
    assert.equal(text.statusCode, 415);
    assert.equal(text.json().code, 'UNSUPPORTED_MEDIA_TYPE');
    const pdf = await uploadBytes(
      t.app,
      admin,
      Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'),
      'doc.pdf',
    );
    assert.equal(pdf.statusCode, 415);
    const body = await multipart(undefined, { deviceId: 'phone' });
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/assets',
      headers: { ...admin.headers, ...body.headers },
      payload: body.payload,
    });
    assert.equal(noFile.statusCode, 400);
    assert.equal(noFile.json().code, 'MISSING_FILE');
    const badDate = await uploadFile(t.app, admin, OTHER_JPEG, { fileCreatedAt: 'yesterday' });
    assert.equal(badDate.json().code, 'VALIDATION_FAILED');
    assert.equal(await stagedLeftovers(t), 0, 'refused files leave nothing');
  });

  it('keeps a corrupt photo listed with its original intact, fails its job with a reason, and keeps serving', async () => {
    const corrupt = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.alloc(20_000, 0x5a),
    ]);
    // The server's log names the job, the asset and the reason (the job runs in this process).
    const res = await uploadBytes(t.app, admin, corrupt, 'broken.jpg');
    assert.equal(res.statusCode, 201);
    const asset = await waitForAsset(t.app, admin, res.json().id);
    assert.equal(asset.status, 'failed');
    assert.match(String(asset.error), /could not be read/);
    // Logged once the job has finished, moments after the asset is marked failed.
    const forAsset = () => t.logged().find((l) => l.assetId === asset.id);
    for (let i = 0; i < 100 && !forAsset(); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const line = forAsset();
    assert.ok(line, `no log line for the failed job in ${JSON.stringify(t.logged())}`);
    assert.equal(line.step, 'thumbnails');
    assert.equal(line.attempt, 1);
    // The log keeps the raw reason; the asset shows people a sentence.
    assert.match(String(line.reason), /could not be read/);
    assert.equal(line.level, 40, "warn: an expected failure, not the server's");
    assert.match(
      String(line.msg),
      new RegExp(`^thumbnails of asset ${asset.id} failed \\(try 1 of `),
    );
    const original = await t.app.inject({
      url: `/api/assets/${asset.id}/original`,
      headers: admin.headers,
    });
    assert.ok(original.rawPayload.equals(corrupt), 'original byte for byte');
    const thumb = await t.app.inject({
      url: `/api/assets/${asset.id}/thumbnail`,
      headers: admin.headers,
    });
    assert.equal(thumb.statusCode, 404);
    assert.equal(thumb.json().code, 'RENDITION_NOT_READY');
    const jobs = await t.app.inject({ url: '/api/jobs', headers: admin.headers });
    assert.ok(jobs.json().thumbnails.failed >= 1);
    const listed = await t.app.inject({ url: '/api/assets', headers: admin.headers });
    assert.ok(listed.json().assets.some((a: { id: string }) => a.id === asset.id));
    assert.equal((await t.app.inject({ url: '/api/health' })).statusCode, 200);
  });

  it('serves the original with ETag, conditional requests and byte ranges', async () => {
    const bytes = await readFile(JPEG);
    const { id } = (await uploadFile(t.app, admin, JPEG)).json();
    const full = await t.app.inject({ url: `/api/assets/${id}/original`, headers: admin.headers });
    assert.equal(full.statusCode, 200);
    assert.ok(full.rawPayload.equals(bytes));
    assert.equal(full.headers['content-type'], 'image/jpeg');
    assert.equal(full.headers['accept-ranges'], 'bytes');
    const etag = String(full.headers.etag);
    const notModified = await t.app.inject({
      url: `/api/assets/${id}/original`,
      headers: { ...admin.headers, 'if-none-match': etag },
    });
    assert.equal(notModified.statusCode, 304);
    const part = await t.app.inject({
      url: `/api/assets/${id}/original`,
      headers: { ...admin.headers, range: 'bytes=100-199' },
    });
    assert.equal(part.statusCode, 206);
    assert.equal(part.headers['content-range'], `bytes 100-199/${bytes.length}`);
    assert.ok(part.rawPayload.equals(bytes.subarray(100, 200)));
    const tail = await t.app.inject({
      url: `/api/assets/${id}/original`,
      headers: { ...admin.headers, range: 'bytes=-10' },
    });
    assert.ok(tail.rawPayload.equals(bytes.subarray(bytes.length - 10)));
    const outside = await t.app.inject({
      url: `/api/assets/${id}/original`,
      headers: { ...admin.headers, range: `bytes=${bytes.length + 10}-` },
    });
    assert.equal(outside.statusCode, 416);
  });

  it('serves renditions with an ETag, cached forever only when the URL names their version', async () => {
    const { id } = (await uploadFile(t.app, admin, JPEG)).json();
    const asset = await waitForAsset(t.app, admin, id);
    const plain = await t.app.inject({
      url: `/api/assets/${id}/thumbnail?size=preview`,
      headers: admin.headers,
    });
    assert.equal(plain.headers['cache-control'], 'private, no-cache');
    assert.equal(plain.headers['content-type'], 'image/jpeg');
    const named = await t.app.inject({
      url: `/api/assets/${id}/thumbnail?size=thumbnail&v=${asset.thumbnailVersion}`,
      headers: admin.headers,
    });
    assert.match(String(named.headers['cache-control']), /immutable/);
    assert.equal(named.headers['content-type'], 'image/webp');
    const revalidated = await t.app.inject({
      url: `/api/assets/${id}/thumbnail?size=thumbnail`,
      headers: { ...admin.headers, 'if-none-match': String(named.headers.etag) },
    });
    assert.equal(revalidated.statusCode, 304);
    const badSize = await t.app.inject({
      url: `/api/assets/${id}/thumbnail?size=huge`,
      headers: admin.headers,
    });
    assert.equal(badSize.statusCode, 400);
  });

  it('favorites and archives; archived photos leave the timeline', async () => {
    const { id } = (await uploadFile(t.app, admin, OTHER_JPEG)).json();
    const asset = await waitForAsset(t.app, admin, id);
    const month = String(asset.takenAt).slice(0, 7);
    const countIn = async () =>
      (await t.app.inject({ url: '/api/timeline/buckets', headers: admin.headers }))
        .json()
        .find((b: { bucket: string }) => b.bucket === month)?.count ?? 0;
    assert.equal(await countIn(), 1);
    const fav = await t.app.inject({
      method: 'PATCH',
      url: `/api/assets/${id}`,
      headers: admin.headers,
      payload: { isFavorite: true },
    });
    assert.equal(fav.json().isFavorite, true);
    const favorites = await t.app.inject({
      url: '/api/assets?isFavorite=true',
      headers: admin.headers,
    });
    assert.deepEqual(
      favorites.json().assets.map((a: { id: string }) => a.id),
      [id],
    );
    await t.app.inject({
      method: 'PATCH',
      url: `/api/assets/${id}`,
      headers: admin.headers,
      payload: { isArchived: true },
    });
    assert.equal(await countIn(), 0);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/assets/${id}`,
      headers: admin.headers,
      payload: { isArchived: false },
    });
    assert.equal(await countIn(), 1);
    const empty = await t.app.inject({
      method: 'PATCH',
      url: `/api/assets/${id}`,
      headers: admin.headers,
      payload: {},
    });
    assert.equal(empty.statusCode, 400);
  });

  it('trashes and restores; emptying the trash deletes for good', async () => {
    const { id } = (
      await uploadBytes(t.app, admin, await readFile(corpusPath('gps/HTC Desire.jpg')), 'htc.jpg')
    ).json();
    const asset = await waitForAsset(t.app, admin, id);
    const month = String(asset.takenAt).slice(0, 7);
    const inTimeline = async () =>
      (await t.app.inject({ url: `/api/timeline/buckets/${month}`, headers: admin.headers }))
        .json()
        .assets.some((a: { id: string }) => a.id === id);
    assert.ok(await inTimeline());
    const trashed = await t.app.inject({
      method: 'DELETE',
      url: `/api/assets/${id}`,
      headers: admin.headers,
    });
    assert.equal(trashed.json().isTrashed, true);
    assert.ok(!(await inTimeline()));
    const trash = await t.app.inject({ url: '/api/assets?isTrashed=true', headers: admin.headers });
    assert.ok(trash.json().assets.some((a: { id: string }) => a.id === id));
    await t.app.inject({
      method: 'POST',
      url: `/api/assets/${id}/restore`,
      headers: admin.headers,
    });
    assert.ok(await inTimeline());

    await t.app.inject({ method: 'DELETE', url: `/api/assets/${id}`, headers: admin.headers });
    const emptied = await t.app.inject({
      method: 'DELETE',
      url: '/api/trash',
      headers: admin.headers,
    });
    assert.ok(emptied.json().deleted >= 1);
    assert.equal(
      (await t.app.inject({ url: `/api/assets/${id}`, headers: admin.headers })).statusCode,
      404,
    );
    const keys = await storedKeys(t);
    assert.ok(!keys.some((key) => key.includes(asset.checksum as string)), 'original removed');
    assert.ok(!keys.some((key) => key.includes(id)), 'renditions removed');
  });

  it('deletes one trashed asset for good, and refuses one not in the trash', async () => {
    const { id } = (
      await uploadBytes(
        t.app,
        admin,
        await readFile(corpusPath('gps/Samsung GT-I9000 (Galaxy S).jpg')),
        'galaxy.jpg',
      )
    ).json();
    const asset = await waitForAsset(t.app, admin, id);
    const forGood = () =>
      t.app.inject({
        method: 'DELETE',
        url: `/api/assets/${id}?permanently=true`,
        headers: admin.headers,
      });
    const refused = await forGood();
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, 'ASSET_NOT_IN_TRASH');
    assert.equal(
      (await t.app.inject({ url: `/api/assets/${id}`, headers: admin.headers })).statusCode,
      200,
    );

    await t.app.inject({ method: 'DELETE', url: `/api/assets/${id}`, headers: admin.headers });
    assert.equal((await forGood()).statusCode, 204);
    assert.equal(
      (await t.app.inject({ url: `/api/assets/${id}`, headers: admin.headers })).statusCode,
      404,
    );
    const keys = await storedKeys(t);
    assert.ok(!keys.some((key) => key.includes(asset.checksum as string)), 'original removed');
    assert.ok(!keys.some((key) => key.includes(id)), 'renditions removed');
    assert.equal((await forGood()).statusCode, 404);
  });

  it('uploading a trashed photo again brings it back', async () => {
    const bytes = await readFile(corpusPath('gps/mongolia.jpeg'));
    const { id } = (await uploadBytes(t.app, admin, bytes, 'mongolia.jpeg')).json();
    await t.app.inject({ method: 'DELETE', url: `/api/assets/${id}`, headers: admin.headers });
    const again = await uploadBytes(t.app, admin, bytes, 'mongolia.jpeg');
    assert.deepEqual(again.json(), { id, status: 'duplicate' });
    assert.equal(
      (await t.app.inject({ url: `/api/assets/${id}`, headers: admin.headers })).json().isTrashed,
      false,
    );
  });

  it('purges trash older than the configured days, and only that', async () => {
    const old = (await uploadFile(t.app, admin, corpusPath('gps/Sony DSC-HX5V (2).jpg'))).json().id;
    await t.app.inject({ method: 'DELETE', url: `/api/assets/${old}`, headers: admin.headers });
    clockOffset = 20 * DAY;
    const recent = (await uploadFile(t.app, admin, corpusPath('gps/thompson-springs.jpg'))).json()
      .id;
    await t.app.inject({ method: 'DELETE', url: `/api/assets/${recent}`, headers: admin.headers });
    clockOffset = 31 * DAY; // the first has been in the trash 31 days, the second 11
    await t.keepsake.purge.purgeExpired();
    clockOffset = 0;
    assert.equal(
      (await t.app.inject({ url: `/api/assets/${old}`, headers: admin.headers })).statusCode,
      404,
    );
    assert.equal(
      (await t.app.inject({ url: `/api/assets/${recent}`, headers: admin.headers })).json()
        .isTrashed,
      true,
    );
  });
});
