import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  setupAdmin,
  stagedLeftovers,
  startTestApp,
  storedKeys,
  uploadBytes,
  waitForAsset,
  type AssetBody,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

/*
 * XMP sidecars ([Note: XMP sidecars]): sent with the photo, put on an asset later, or sent on
 * their own and matched by name. IMG_5910.xmp restates what IMG_5910.jpg already holds, so its
 * effect shows in the capture time's source; digikam-example.xmp and the sidecar written below
 * contradict mongolels.jpg, so theirs shows in the values.
 */
const PHOTO = 'xmp-sidecars/IMG_5910.jpg';
const PHOTO_SIDECAR = 'xmp-sidecars/IMG_5910.xmp';
const DIGIKAM_SIDECAR = 'xmp-sidecars/digikam-example.xmp';
const RATED = 'jpeg-exif/mongolels.jpg';

/** Written in the editor after the fact: other stars, words, keywords and time than the file's. */
const EDITED_SIDECAR = Buffer.from(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:exif="http://ns.adobe.com/exif/1.0/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
   xmp:Rating="1"
   exif:DateTimeOriginal="2021-03-04T05:06:07.250+05:30">
   <dc:subject><rdf:Bag><rdf:li>Gobi</rdf:li><rdf:li>2019</rdf:li><rdf:li>Gobi</rdf:li></rdf:Bag></dc:subject>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Dunes at dusk</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
`);

const SQUIRREL = {
  rating: 3,
  description: 'Squirrel at berkely',
  keywords: ['Alvin the Squirrel', 'Berkley', 'USA'],
};

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

async function form(parts: { field: string; data: Buffer; name: string }[]) {
  const body = new FormData();
  for (const part of parts)
    body.append(part.field, new Blob([new Uint8Array(part.data)]), part.name);
  const request = new Request('http://localhost/', { method: 'POST', body });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')! },
  };
}

async function send(
  app: FastifyInstance,
  session: Session,
  method: 'POST' | 'PUT',
  url: string,
  parts: { field: string; data: Buffer; name: string }[],
) {
  const body = await form(parts);
  return app.inject({
    method,
    url,
    headers: { ...session.headers, ...body.headers },
    payload: body.payload,
  });
}

const putSidecar = (
  app: FastifyInstance,
  session: Session,
  id: string,
  data: Buffer,
  name: string,
) => send(app, session, 'PUT', `/api/assets/${id}/sidecar`, [{ field: 'file', data, name }]);

async function getAsset(app: FastifyInstance, session: Session, id: string): Promise<AssetBody> {
  const res = await app.inject({ url: `/api/assets/${id}`, headers: session.headers });
  assert.equal(res.statusCode, 200, res.body);
  return res.json<AssetBody>();
}

/** Polls until the re-run metadata step has applied the sidecar (as waitForAsset does). */
async function waitUntil(
  app: FastifyInstance,
  session: Session,
  id: string,
  applied: (asset: AssetBody) => boolean,
): Promise<AssetBody> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const asset = await getAsset(app, session, id);
    if (applied(asset)) return asset;
    if (Date.now() > deadline) throw new Error(`sidecar never applied: ${JSON.stringify(asset)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function uploadReady(app: FastifyInstance, session: Session, file: string) {
  const data = await readFile(corpusPath(file));
  const res = await uploadBytes(app, session, data, file.split('/').pop()!);
  assert.equal(res.statusCode, 201, res.body);
  return waitForAsset(app, session, res.json<{ id: string }>().id);
}

async function originalChecksum(app: FastifyInstance, session: Session, id: string) {
  const res = await app.inject({ url: `/api/assets/${id}/original`, headers: session.headers });
  assert.equal(res.statusCode, 200);
  return sha256(res.rawPayload);
}

type Counts = { waiting: number; active: number; completed: number; failed: number };
const finished = (c: Counts) => c.completed + c.failed;
const all = (c: Counts) => c.waiting + c.active + finished(c);

async function waitForJobs(t: TestApp, queue: string, count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (finished((await t.keepsake.jobCounts())[queue]!) < count) {
    if (Date.now() > deadline) throw new Error(`${queue} jobs never reached ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const fromSidecar = (asset: AssetBody) => String(asset.takenAtSource).startsWith('XMP sidecar');

describe('XMP sidecars', () => {
  let t: TestApp;
  let admin: Session;
  let bob: Session;
  let carol: Session;
  let photo: Buffer;
  let photoSidecar: Buffer;
  let digikamSidecar: Buffer;
  /** Admin's mongolels.jpg, which collects sidecars through the tests below. */
  let rated: AssetBody;

  before(async () => {
    t = await startTestApp();
    admin = await setupAdmin(t.app);
    bob = await createUser(t.app, admin, 'Bob');
    carol = await createUser(t.app, admin, 'Carol');
    photo = await readFile(corpusPath(PHOTO));
    photoSidecar = await readFile(corpusPath(PHOTO_SIDECAR));
    digikamSidecar = await readFile(corpusPath(DIGIKAM_SIDECAR));
  });

  after(() => t.close());

  it('applies a sidecar sent with its photo (IMG_5910.xmp beside IMG_5910.jpg)', async () => {
    const res = await send(t.app, admin, 'POST', '/api/assets', [
      { field: 'file', data: photo, name: 'IMG_5910.jpg' },
      { field: 'sidecar', data: photoSidecar, name: 'IMG_5910.xmp' },
    ]);
    assert.equal(res.statusCode, 201, res.body);
    const asset = await waitForAsset(t.app, admin, res.json<{ id: string }>().id);
    assert.equal(asset.status, 'ready', String(asset.error));
    assert.deepEqual(
      { rating: asset.rating, description: asset.description, keywords: asset.keywords },
      SQUIRREL,
    );
    // The sidecar's time has no offset; the photo's, for the same second, says where.
    assert.equal(asset.takenAt, '2015-06-11T10:29:26.690-07:00');
    assert.equal(asset.takenAtSource, 'XMP sidecar DateTimeOriginal');
    assert.equal(asset.checksum, sha256(photo));
    assert.equal(await originalChecksum(t.app, admin, asset.id), sha256(photo));
  });

  it('applies a sidecar put on the photo later, without rendering it again', async () => {
    const before = await uploadReady(t.app, bob, PHOTO);
    assert.equal(before.takenAtSource, 'SubSecDateTimeOriginal');
    const jobsBefore = await t.keepsake.jobCounts();
    const res = await putSidecar(t.app, bob, before.id, photoSidecar, 'IMG_5910.xmp');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { id: before.id, status: 'sidecar' });
    const asset = await waitUntil(t.app, bob, before.id, fromSidecar);
    assert.equal(asset.takenAt, '2015-06-11T10:29:26.690-07:00');
    assert.deepEqual(
      { rating: asset.rating, description: asset.description, keywords: asset.keywords },
      SQUIRREL,
    );
    assert.equal(asset.status, 'ready');
    // One more metadata job, and once it has finished, no thumbnails job queued after it.
    await waitForJobs(t, 'metadata', finished(jobsBefore.metadata!) + 1);
    assert.equal(all((await t.keepsake.jobCounts()).thumbnails!), all(jobsBefore.thumbnails!));
    assert.equal(asset.thumbnailVersion, before.thumbnailVersion);
    assert.deepEqual([asset.width, asset.height], [before.width, before.height]);
    assert.equal(await originalChecksum(t.app, bob, before.id), sha256(photo));
  });

  it('attaches a sidecar sent on its own to the newest photo of its name, 404 before there is one', async () => {
    const early = await uploadBytes(t.app, carol, photoSidecar, 'IMG_5910.xmp');
    assert.equal(early.statusCode, 404, early.body);
    assert.equal(early.json<{ code: string }>().code, 'SIDECAR_PHOTO_NOT_FOUND');

    const before = await uploadReady(t.app, carol, PHOTO);
    const res = await uploadBytes(t.app, carol, photoSidecar, 'IMG_5910.xmp');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { id: before.id, status: 'sidecar' });
    const asset = await waitUntil(t.app, carol, before.id, fromSidecar);
    assert.equal(asset.takenAtSource, 'XMP sidecar DateTimeOriginal');
    assert.deepEqual(asset.keywords, SQUIRREL.keywords);
    assert.equal(await originalChecksum(t.app, carol, before.id), sha256(photo));
  });

  it('reads a photo’s own rating and description, then lets digiKam’s sidecar add place and tags', async () => {
    rated = await uploadReady(t.app, admin, RATED);
    assert.deepEqual(
      [rated.rating, rated.description, rated.keywords, rated.latitude],
      [3, 'Mongol Els', [], null],
    );
    const res = await uploadBytes(t.app, admin, digikamSidecar, 'mongolels.jpg.xmp');
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { id: rated.id, status: 'sidecar' });
    const asset = await waitUntil(t.app, admin, rated.id, fromSidecar);
    assert.equal(asset.latitude, 53.132559);
    assert.equal(asset.longitude, 8.719196);
    // Named from the sidecar's position: [Note: Place names].
    assert.deepEqual(asset.place, { city: 'Bremen', country: 'Germany', countryCode: 'DE' });
    assert.deepEqual(asset.keywords, ['test3', 'test', 'test2']);
    assert.equal(asset.description, '2014-Drachenfest-Waterfront-Bremen');
    assert.equal(asset.rating, 3, 'the sidecar has no rating: the photo’s stays');
    // No offset written; the one at the sidecar's GPS position (Bremen, summer time).
    assert.equal(asset.takenAt, '2014-04-27T12:42:47.000+02:00');
    assert.equal(asset.thumbnailVersion, rated.thumbnailVersion);
  });

  it('replaces the sidecar: the new one’s values win, and where it is silent the photo’s return', async () => {
    const res = await putSidecar(t.app, admin, rated.id, EDITED_SIDECAR, 'mongolels.xmp');
    assert.equal(res.statusCode, 200, res.body);
    const asset = await waitUntil(t.app, admin, rated.id, (a) => a.rating === 1);
    assert.equal(asset.takenAt, '2021-03-04T05:06:07.250+05:30');
    assert.equal(asset.takenAtSource, 'XMP sidecar DateTimeOriginal');
    assert.equal(asset.description, 'Dunes at dusk');
    assert.deepEqual(asset.keywords, ['Gobi', '2019']);
    assert.equal(asset.latitude, null, 'the photo has no position of its own');
    assert.equal(asset.place, null);
    assert.equal(
      await originalChecksum(t.app, admin, rated.id),
      sha256(await readFile(corpusPath(RATED))),
    );
  });

  it('refuses a sidecar that is not XMP, leaving the photo as it was', async () => {
    const garbage = Buffer.alloc(4096, 0);
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 251;
    const before = await getAsset(t.app, admin, rated.id);
    for (const data of [garbage, Buffer.from('just some notes\n')]) {
      const put = await putSidecar(t.app, admin, rated.id, data, 'mongolels.xmp');
      assert.equal(put.statusCode, 400, put.body);
      assert.equal(put.json<{ code: string }>().code, 'INVALID_SIDECAR');
      const named = await uploadBytes(t.app, admin, data, 'mongolels.jpg.xmp');
      assert.equal(named.statusCode, 400, named.body);
    }
    assert.deepEqual(await getAsset(t.app, admin, rated.id), before);

    // Sent with a photo, a bad sidecar refuses both: nothing is kept.
    const keys = await storedKeys(t);
    const both = await send(t.app, bob, 'POST', '/api/assets', [
      { field: 'file', data: await readFile(corpusPath(RATED)), name: 'mongolels.jpg' },
      { field: 'sidecar', data: garbage, name: 'mongolels.xmp' },
    ]);
    assert.equal(both.statusCode, 400, both.body);
    assert.deepEqual(await storedKeys(t), keys);
    assert.equal(await stagedLeftovers(t), 0);
  });

  it('refuses a sidecar over 1 MiB', async () => {
    const huge = Buffer.concat([EDITED_SIDECAR, Buffer.alloc(1024 * 1024, 0x20)]);
    const res = await putSidecar(t.app, admin, rated.id, huge, 'mongolels.xmp');
    assert.equal(res.statusCode, 413, res.body);
  });

  it('never lets another user attach a sidecar to my asset', async () => {
    const before = await getAsset(t.app, admin, rated.id);
    const put = await putSidecar(t.app, bob, rated.id, digikamSidecar, 'mongolels.xmp');
    assert.equal(put.statusCode, 404, put.body);
    assert.equal(put.json<{ code: string }>().code, 'ASSET_NOT_FOUND');
    const named = await uploadBytes(t.app, bob, digikamSidecar, 'mongolels.jpg.xmp');
    assert.equal(named.statusCode, 404, named.body);
    assert.deepEqual(await getAsset(t.app, admin, rated.id), before);
  });

  it('deletes the sidecar with its photo when the trash is emptied', async () => {
    assert.ok((await storedKeys(t)).some((key) => key.endsWith(`${rated.id}.xmp`)));
    const trashed = await t.app.inject({
      method: 'DELETE',
      url: `/api/assets/${rated.id}`,
      headers: admin.headers,
    });
    assert.equal(trashed.statusCode, 200);
    const emptied = await t.app.inject({
      method: 'DELETE',
      url: '/api/trash',
      headers: admin.headers,
    });
    assert.equal(emptied.statusCode, 200);
    assert.ok(!(await storedKeys(t)).some((key) => key.endsWith(`${rated.id}.xmp`)));
  });
});
