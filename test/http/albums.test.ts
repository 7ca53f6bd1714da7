import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

// Small dated camera photos, from three different months.
const PHOTOS = ['jpeg-exif/IMG_0308.JPG', 'jpeg-exif/PA250004.JPG', 'jpeg-exif/EPSN0002.JPG'];

interface Photo {
  id: string;
  takenAt: string;
  thumbnailVersion: string | null;
}

describe('albums', () => {
  let t: TestApp;
  let alice: Session;
  let bob: Session;
  /** Alice's photos, newest first. */
  let photos: Photo[];
  let bobPhoto: string;

  const call = async (
    session: Session,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: session.headers, payload });
  const createAlbum = async (name: string, session = alice) => {
    const res = await call(session, 'POST', '/api/albums', { name });
    assert.equal(res.statusCode, 201, res.body);
    return res.json<{ id: string }>().id;
  };
  const album = async (id: string) => (await call(alice, 'GET', `/api/albums/${id}`)).json();
  const add = async (id: string, ids: string[], session = alice) =>
    (await call(session, 'PUT', `/api/albums/${id}/assets`, { ids })).json();
  const remove = async (id: string, ids: string[]) =>
    (await call(alice, 'DELETE', `/api/albums/${id}/assets`, { ids })).json();
  const albumTimelineIds = async (id: string): Promise<string[]> => {
    const buckets = (await call(alice, 'GET', `/api/albums/${id}/timeline/buckets`)).json();
    const ids: string[] = [];
    for (const { bucket } of buckets) {
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `&cursor=${cursor}` : '';
        const page = (
          await call(alice, 'GET', `/api/albums/${id}/timeline/buckets/${bucket}?limit=1${query}`)
        ).json();
        ids.push(...page.assets.map((a: { id: string }) => a.id));
        cursor = page.nextCursor;
      } while (cursor);
    }
    return ids;
  };

  before(async () => {
    t = await startTestApp();
    alice = await setupAdmin(t.app);
    bob = await createUser(t.app, alice, 'Bob');
    photos = [];
    for (const file of PHOTOS) {
      const { id } = (await uploadFile(t.app, alice, corpusPath(file))).json();
      photos.push((await waitForAsset(t.app, alice, id)) as unknown as Photo);
    }
    photos.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
    bobPhoto = (await uploadFile(t.app, bob, corpusPath('jpeg-exif/POL_0132.JPG'))).json().id;
    await waitForAsset(t.app, bob, bobPhoto);
  });
  after(() => t.close());

  it('creates, lists, renames, describes, reorders and deletes an album', async () => {
    assert.equal((await call(alice, 'POST', '/api/albums', { name: '' })).statusCode, 400);
    const id = await createAlbum('Summer');
    const created = await album(id);
    assert.equal(created.name, 'Summer');
    assert.equal(created.description, '');
    assert.equal(created.sortOrder, 'newest-first');
    assert.equal(created.assetCount, 0);
    assert.equal(created.cover, null);
    assert.equal(created.startDate, null);

    const patched = await call(alice, 'PATCH', `/api/albums/${id}`, {
      name: 'Summer 2020',
      description: 'By the sea',
      sortOrder: 'oldest-first',
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual(
      [patched.json().name, patched.json().description, patched.json().sortOrder],
      ['Summer 2020', 'By the sea', 'oldest-first'],
    );
    const other = await createAlbum('Winter');
    const listed = (await call(alice, 'GET', '/api/albums')).json();
    assert.deepEqual(
      listed.map((a: { id: string }) => a.id),
      [other, id],
      'the most recently changed first',
    );

    assert.equal((await call(alice, 'DELETE', `/api/albums/${id}`)).statusCode, 204);
    assert.equal((await call(alice, 'GET', `/api/albums/${id}`)).statusCode, 404);
    assert.equal((await call(alice, 'DELETE', `/api/albums/${other}`)).statusCode, 204);
  });

  it('answers for each id added or removed; counts, dates and cover follow', async () => {
    const id = await createAlbum('Trips');
    const [newest, middle, oldest] = photos as [Photo, Photo, Photo];
    assert.deepEqual(await add(id, [middle.id, oldest.id]), [
      { id: middle.id, result: 'added' },
      { id: oldest.id, result: 'added' },
    ]);
    const unknown = crypto.randomUUID();
    assert.deepEqual(await add(id, [oldest.id, newest.id, bobPhoto, unknown]), [
      { id: oldest.id, result: 'already-there' },
      { id: newest.id, result: 'added' },
      { id: bobPhoto, result: 'not-allowed' },
      { id: unknown, result: 'not-allowed' },
    ]);

    let shown = await album(id);
    assert.equal(shown.assetCount, 3);
    assert.equal(shown.startDate, oldest.takenAt.slice(0, 10));
    assert.equal(shown.endDate, newest.takenAt.slice(0, 10));
    assert.deepEqual(shown.cover, { id: newest.id, thumbnailVersion: newest.thumbnailVersion });
    assert.equal(shown.coverAssetId, null, 'the newest photo, until one is chosen');

    const chosen = await call(alice, 'PATCH', `/api/albums/${id}`, { coverAssetId: oldest.id });
    assert.equal(chosen.json().cover.id, oldest.id);
    const notMember = await call(alice, 'PATCH', `/api/albums/${id}`, { coverAssetId: bobPhoto });
    assert.equal(notMember.statusCode, 400);
    assert.equal(notMember.json().code, 'ALBUM_COVER_NOT_IN_ALBUM');

    assert.deepEqual(await remove(id, [oldest.id, bobPhoto]), [
      { id: oldest.id, result: 'removed' },
      { id: bobPhoto, result: 'not-there' },
    ]);
    shown = await album(id);
    assert.equal(shown.assetCount, 2);
    assert.equal(shown.cover.id, newest.id, 'the cover left: the newest photo again');
    assert.equal(shown.coverAssetId, null);
    assert.equal(shown.startDate, middle.takenAt.slice(0, 10));
  });

  it('hides a trashed photo but keeps it, so restoring brings it back', async () => {
    const id = await createAlbum('Family');
    const [newest, middle] = photos as [Photo, Photo];
    await add(id, [newest.id, middle.id]);
    assert.equal((await call(alice, 'DELETE', `/api/assets/${newest.id}`)).statusCode, 200);

    const shown = await album(id);
    assert.equal(shown.assetCount, 1);
    assert.equal(shown.cover.id, middle.id);
    assert.deepEqual(await albumTimelineIds(id), [middle.id]);
    assert.deepEqual(await add(id, [newest.id]), [{ id: newest.id, result: 'not-allowed' }]);

    await call(alice, 'POST', `/api/assets/${newest.id}/restore`);
    assert.equal((await album(id)).assetCount, 2);
    assert.deepEqual(await albumTimelineIds(id), [newest.id, middle.id]);
  });

  it('loses a photo deleted for good; deleting an album keeps its photos', async () => {
    const extra = (await uploadFile(t.app, alice, corpusPath('jpeg-exif/POL_0132.JPG'))).json().id;
    await waitForAsset(t.app, alice, extra);
    const id = await createAlbum('Short-lived');
    await add(id, [extra, photos[0]!.id]);

    await call(alice, 'DELETE', `/api/assets/${extra}`);
    const purge = await call(alice, 'DELETE', `/api/assets/${extra}?permanently=true`);
    assert.equal(purge.statusCode, 204);
    assert.deepEqual(await remove(id, [extra]), [{ id: extra, result: 'not-there' }]);
    assert.equal((await album(id)).assetCount, 1);

    assert.equal((await call(alice, 'DELETE', `/api/albums/${id}`)).statusCode, 204);
    const kept = await call(alice, 'GET', `/api/assets/${photos[0]!.id}`);
    assert.equal(kept.statusCode, 200);
    assert.equal(kept.json().isTrashed, false);
  });

  it('has its own timeline, in the album’s order, in pages that join up', async () => {
    const id = await createAlbum('Ordered');
    await add(
      id,
      photos.map((p) => p.id),
    );
    const buckets = (await call(alice, 'GET', `/api/albums/${id}/timeline/buckets`)).json();
    const months = photos.map((p) => p.takenAt.slice(0, 7));
    assert.deepEqual(
      buckets,
      [...new Set(months)].map((m) => ({ bucket: m, count: months.filter((x) => x === m).length })),
    );
    const page = (
      await call(
        alice,
        'GET',
        `/api/albums/${id}/timeline/buckets/${photos[0]!.takenAt.slice(0, 7)}`,
      )
    ).json();
    assert.equal(page.assets[0].id, photos[0]!.id);
    assert.equal(page.assets[0].takenAt, photos[0]!.takenAt);
    assert.ok(page.assets[0].aspectRatio > 0);
    assert.deepEqual(
      await albumTimelineIds(id),
      photos.map((p) => p.id),
    );

    await call(alice, 'PATCH', `/api/albums/${id}`, { sortOrder: 'oldest-first' });
    assert.deepEqual(await albumTimelineIds(id), photos.map((p) => p.id).reverse());
    assert.equal(
      (await call(alice, 'GET', `/api/albums/${id}/timeline/buckets/2020-13`)).statusCode,
      400,
    );
  });

  it('is invisible to another user, who cannot add my photos to theirs', async () => {
    const id = await createAlbum('Private');
    await add(id, [photos[0]!.id]);
    const routes: [method: 'GET' | 'PATCH' | 'DELETE' | 'PUT', url: string, body?: object][] = [
      ['GET', `/api/albums/${id}`],
      ['PATCH', `/api/albums/${id}`, { name: 'Mine now' }],
      ['PUT', `/api/albums/${id}/assets`, { ids: [bobPhoto] }],
      ['DELETE', `/api/albums/${id}/assets`, { ids: [photos[0]!.id] }],
      ['GET', `/api/albums/${id}/timeline/buckets`],
      ['GET', `/api/albums/${id}/timeline/buckets/${photos[0]!.takenAt.slice(0, 7)}`],
      ['DELETE', `/api/albums/${id}`],
    ];
    for (const [method, url, body] of routes) {
      const res = await call(bob, method, url, body);
      assert.equal(res.statusCode, 404, `${method} ${url}`);
      assert.equal(res.json().code, 'ALBUM_NOT_FOUND');
    }
    assert.deepEqual((await call(bob, 'GET', '/api/albums')).json(), []);

    const bobs = await createAlbum('Bob’s', bob);
    assert.deepEqual(await add(bobs, [photos[0]!.id, bobPhoto], bob), [
      { id: photos[0]!.id, result: 'not-allowed' },
      { id: bobPhoto, result: 'added' },
    ]);
    const mine = await album(id);
    assert.equal(mine.name, 'Private');
    assert.equal(mine.assetCount, 1);
  });
});
