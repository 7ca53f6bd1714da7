import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExifTool } from 'exiftool-vendored';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  multipart,
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type AssetBody,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

/** [Note: Metadata edits]: edits outrank the sidecar and the file, and move the asset. */
const PHOTO = 'xmp-sidecars/IMG_5910.jpg';
const DIGIKAM_SIDECAR = 'xmp-sidecars/digikam-example.xmp';
const PARIS = { latitude: 48.8566, longitude: 2.3522 };

describe('metadata edits', () => {
  let t: TestApp;
  let admin: Session;
  let bob: Session;
  let photo: AssetBody;
  let bobsPhoto: AssetBody;

  const request = (
    session: Session,
    method: 'GET' | 'PATCH' | 'POST',
    url: string,
    body?: object,
  ) => t.app.inject({ method, url, headers: session.headers, ...(body && { payload: body }) });
  const getAsset = async (session: Session, id: string) =>
    (await request(session, 'GET', `/api/assets/${id}`)).json<AssetBody>();
  const buckets = async (session: Session) =>
    (await request(session, 'GET', '/api/timeline/buckets')).json<
      { bucket: string; count: number }[]
    >();
  /** Waits until the metadata step has finished `count` jobs in all. */
  const metadataRuns = async (count: number) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const c = (await t.keepsake.jobCounts()).metadata!;
      if (c.completed + c.failed >= count) return;
      if (Date.now() > deadline) throw new Error(`metadata never reached ${count} runs`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  before(async () => {
    t = await startTestApp();
    admin = await setupAdmin(t.app);
    bob = await createUser(t.app, admin, 'Bob');
    for (const [session, set] of [
      [admin, (a: AssetBody) => (photo = a)],
      [bob, (a: AssetBody) => (bobsPhoto = a)],
    ] as const) {
      const res = await uploadFile(t.app, session, corpusPath(PHOTO));
      assert.equal(res.statusCode, 201, res.body);
      set(await waitForAsset(t.app, session, res.json<{ id: string }>().id));
    }
    assert.equal(photo.status, 'ready', String(photo.error));
  });

  after(() => t.close());

  it('changes date (with offset), place, description and rating; the asset moves month', async () => {
    const oldMonth = String(photo.takenAt).slice(0, 7);
    assert.notEqual(oldMonth, '2021-07');
    const res = await request(admin, 'PATCH', `/api/assets/${photo.id}`, {
      takenAt: '2021-07-14T18:30:00+02:00',
      ...PARIS,
      description: '  Picnic by the river  ',
      rating: 4,
    });
    assert.equal(res.statusCode, 200, res.body);
    const edited = res.json<AssetBody>();
    assert.equal(edited.takenAt, '2021-07-14T18:30:00.000+02:00');
    assert.equal(edited.takenAtSource, 'edited');
    assert.equal(edited.latitude, PARIS.latitude);
    assert.equal(edited.longitude, PARIS.longitude);
    assert.equal((edited.place as { city: string }).city, 'Paris');
    assert.equal(edited.description, 'Picnic by the river');
    assert.equal(edited.rating, 4);
    const months = await buckets(admin);
    assert.deepEqual(months, [{ bucket: '2021-07', count: 1 }]);
    const page = await request(admin, 'GET', '/api/timeline/buckets/2021-07');
    assert.deepEqual(
      page.json<{ assets: { id: string }[] }>().assets.map((a) => a.id),
      [photo.id],
    );
  });

  it('keeps the edits when the metadata step runs again, and after a later sidecar', async () => {
    const runs = (await t.keepsake.jobCounts()).metadata!.completed;
    const again = await request(admin, 'POST', `/api/assets/${photo.id}/reprocess`);
    assert.ok(again.statusCode < 300, again.body);
    await metadataRuns(runs + 1);
    await waitForAsset(t.app, admin, photo.id);
    // digiKam's sidecar has a date, a position and tags: the tags (not edited) apply; the rest stays.
    const body = await multipart({
      data: await readFile(corpusPath(DIGIKAM_SIDECAR)),
      name: 'x.xmp',
    });
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/assets/${photo.id}/sidecar`,
      headers: { ...admin.headers, ...body.headers },
      payload: body.payload,
    });
    assert.equal(put.statusCode, 200, put.body);
    await metadataRuns(runs + 2);
    const asset = await waitForAsset(t.app, admin, photo.id);
    assert.ok((asset.keywords as string[]).length > 0, 'the sidecar was read');
    assert.equal(asset.takenAt, '2021-07-14T18:30:00.000+02:00');
    assert.equal(asset.takenAtSource, 'edited');
    assert.equal(asset.latitude, PARIS.latitude);
    assert.equal((asset.place as { city: string }).city, 'Paris');
    assert.equal(asset.description, 'Picnic by the river');
    assert.equal(asset.rating, 4);
    assert.deepEqual(await buckets(admin), [{ bucket: '2021-07', count: 1 }]);
  });

  it('exports an XMP sidecar that ExifTool reads back to the same values', async () => {
    const res = await request(admin, 'GET', `/api/assets/${photo.id}/sidecar.xmp`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-disposition']), /IMG_5910\.jpg\.xmp/);
    const asset = await getAsset(admin, photo.id);
    const dir = await mkdtemp(join(tmpdir(), 'keepsake-xmp-'));
    const exiftool = new ExifTool({ maxProcs: 1 });
    try {
      const file = join(dir, 'export.xmp');
      await writeFile(file, res.rawPayload);
      const tags = (await exiftool.read(file, { readArgs: ['-n'] })) as Record<string, unknown>;
      assert.equal(String(tags.DateTimeOriginal), '2021-07-14T18:30:00.000+02:00');
      assert.ok(
        Math.abs(Number(tags.GPSLatitude) - PARIS.latitude) < 1e-6,
        String(tags.GPSLatitude),
      );
      assert.ok(Math.abs(Number(tags.GPSLongitude) - PARIS.longitude) < 1e-6);
      assert.equal(tags.Description, 'Picnic by the river');
      assert.equal(tags.Rating, 4);
      assert.deepEqual([tags.Subject].flat().map(String), asset.keywords);
    } finally {
      await exiftool.end();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('edits many at once, answering per id; someone else’s asset is not found and unchanged', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    const res = await request(admin, 'PATCH', '/api/assets', {
      ids: [photo.id, bobsPhoto.id, unknown],
      rating: 2,
      latitude: null,
      longitude: null,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), {
      results: [
        { id: photo.id, status: 'updated' },
        { id: bobsPhoto.id, status: 'not-found' },
        { id: unknown, status: 'not-found' },
      ],
    });
    const mine = await getAsset(admin, photo.id);
    assert.equal(mine.rating, 2);
    assert.equal(mine.latitude, null);
    assert.equal(mine.place, null);
    const bobs = await getAsset(bob, bobsPhoto.id);
    assert.equal(bobs.rating, bobsPhoto.rating);
    assert.equal(bobs.latitude, bobsPhoto.latitude);
  });

  it('answers 404 to another user, and 400 to half a position or a bad date', async () => {
    const patch = await request(bob, 'PATCH', `/api/assets/${photo.id}`, { rating: 1 });
    assert.equal(patch.statusCode, 404);
    assert.equal(
      (await request(bob, 'GET', `/api/assets/${photo.id}/sidecar.xmp`)).statusCode,
      404,
    );
    for (const body of [{ latitude: 1 }, { takenAt: '2021-02-30T10:00:00' }, { rating: 6 }]) {
      const res = await request(admin, 'PATCH', `/api/assets/${photo.id}`, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
    }
    assert.equal((await getAsset(admin, photo.id)).rating, 2);
  });
});
