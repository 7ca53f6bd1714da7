import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { exiftoolPath } from 'exiftool-vendored';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  multipart,
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

const WITH_GPS = 'gps/Apple iPhone 4.jpg';
const PHOTOS = ['jpeg-exif/IMG_0308.JPG', 'jpeg-exif/PA250004.JPG'];
// ExifTool cannot write JPEG XL: with hidden locations, its original must be refused.
const NOT_WRITABLE = 'png-webp-gif-tiff/8bit-sRGB.jxl';
const HOUR = 3_600_000;

interface Created {
  id: string;
  key: string;
  url: string;
}

/** The GPS position ExifTool finds in these bytes, if any. */
async function gpsIn(bytes: Buffer): Promise<unknown[]> {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-gps-'));
  try {
    const file = join(dir, 'file.jpg');
    await writeFile(file, bytes);
    const { stdout } = await promisify(execFile)(await exiftoolPath(), [
      '-json',
      '-n',
      '-GPSLatitude',
      '-GPSLongitude',
      file,
    ]);
    const [tags] = JSON.parse(stdout) as Record<string, unknown>[];
    return [tags?.GPSLatitude, tags?.GPSLongitude].filter((v) => v !== undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('shared links', () => {
  let t: TestApp;
  let alice: Session;
  let bob: Session;
  let gpsId: string;
  let photoIds: string[];
  let jxlId: string;
  let albumId: string;
  let offsetMs = 0;

  const call = (
    session: Session | undefined,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) => t.app.inject({ method, url, headers: { ...session?.headers, ...headers }, payload });
  const createLink = async (body: object, session = alice): Promise<Created> => {
    const res = await call(session, 'POST', '/api/shared-links', body);
    assert.equal(res.statusCode, 201, res.body);
    return res.json<Created>();
  };
  const guest = (key: string, path = '', headers: Record<string, string> = {}) =>
    call(undefined, 'GET', `/api/shared-links/${key}/assets${path}`, undefined, headers);
  const upload = async (session: Session, file: string) => {
    const res = await uploadFile(t.app, session, corpusPath(file));
    const { id } = res.json<{ id: string }>();
    await waitForAsset(t.app, session, id);
    return id;
  };

  before(async () => {
    t = await startTestApp({ clock: { now: () => new Date(Date.now() + offsetMs) } });
    alice = await setupAdmin(t.app);
    bob = await createUser(t.app, alice, 'Bob');
    gpsId = await upload(alice, WITH_GPS);
    photoIds = [];
    for (const file of PHOTOS) photoIds.push(await upload(alice, file));
    jxlId = await upload(alice, NOT_WRITABLE);
    albumId = (await call(alice, 'POST', '/api/albums', { name: 'Trip' })).json<{ id: string }>()
      .id;
    await call(alice, 'PUT', `/api/albums/${albumId}/assets`, { ids: [photoIds[1]] });
  });
  after(() => t.close());

  it('shows a selection and only its assets, without owner details', async () => {
    const link = await createLink({ assetIds: [gpsId, photoIds[0]] });
    assert.equal(link.url, `/s/${link.key}`);
    assert.ok(Buffer.from(link.key, 'base64url').length >= 16);
    const res = await guest(link.key);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(
      body.assets.map((a: { id: string }) => a.id).sort(),
      [gpsId, photoIds[0]].sort(),
    );
    const gps = body.assets.find((a: { id: string }) => a.id === gpsId);
    assert.equal(typeof gps.latitude, 'number');
    for (const field of ['checksum', 'deviceId', 'ownerId', 'isFavorite', 'fileSize'])
      assert.equal(field in gps, false, field);

    const thumbnail = await guest(link.key, `/${photoIds[0]}/thumbnail?size=preview`);
    assert.equal(thumbnail.statusCode, 200);
    assert.equal(thumbnail.headers['content-type'], 'image/jpeg');
    // Another photo of the same owner is out of reach with this key.
    for (const path of ['thumbnail', 'original', 'video'])
      assert.equal((await guest(link.key, `/${photoIds[1]}/${path}`)).statusCode, 404, path);
    // No download allowed: no original.
    const original = await guest(link.key, `/${gpsId}/original`);
    assert.equal(original.statusCode, 403);
    assert.equal(original.json().code, 'DOWNLOAD_NOT_ALLOWED');
    // The key opens nothing else.
    const other = await call(undefined, 'GET', `/api/assets/${gpsId}`, undefined, {
      'x-api-key': link.key,
    });
    assert.equal(other.statusCode, 401);
  });

  it('shows an album, and only my own album or photos can be shared', async () => {
    const link = await createLink({ albumId, allowDownload: true });
    const body = (await guest(link.key)).json();
    assert.deepEqual(
      body.assets.map((a: { id: string }) => a.id),
      [photoIds[1]],
    );
    assert.equal(body.link.albumName, 'Trip');
    const original = await guest(link.key, `/${photoIds[1]}/original`);
    assert.equal(original.statusCode, 200);
    assert.deepEqual(original.rawPayload, await readFile(corpusPath(PHOTOS[1]!)));

    const bobsAlbum = (await call(bob, 'POST', '/api/albums', { name: 'Bob' })).json().id;
    const foreignAlbum = await call(alice, 'POST', '/api/shared-links', { albumId: bobsAlbum });
    assert.equal(foreignAlbum.statusCode, 404);
    const foreignPhotos = await call(bob, 'POST', '/api/shared-links', { assetIds: [gpsId] });
    assert.equal(foreignPhotos.statusCode, 400);
  });

  it('wants the password when one is set', async () => {
    const link = await createLink({ assetIds: [photoIds[0]], password: 'open sesame' });
    const missing = await guest(link.key);
    assert.equal(missing.statusCode, 401);
    assert.equal(missing.json().code, 'PASSWORD_REQUIRED');
    const wrong = await guest(link.key, '', { 'x-share-password': 'open barley' });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().code, 'PASSWORD_WRONG');
    const right = await guest(link.key, '', { 'x-share-password': 'open sesame' });
    assert.equal(right.statusCode, 200);
    const { token } = right.json();
    assert.equal((await guest(link.key, `/${photoIds[0]}/thumbnail`)).statusCode, 401);
    assert.equal((await guest(link.key, `/${photoIds[0]}/thumbnail?token=x`)).statusCode, 401);
    assert.equal(
      (await guest(link.key, `/${photoIds[0]}/thumbnail?token=${token}`)).statusCode,
      200,
    );
  });

  it('answers the same 404 for an expired, revoked or unknown link', async () => {
    const unknown = await guest('A'.repeat(43));
    assert.equal(unknown.statusCode, 404);

    const expiring = await createLink({
      assetIds: [photoIds[0]],
      expiresAt: new Date(Date.now() + offsetMs + HOUR).toISOString(),
    });
    assert.equal((await guest(expiring.key)).statusCode, 200);
    offsetMs += 2 * HOUR;
    const expired = await guest(expiring.key);
    assert.equal(expired.statusCode, 404);
    assert.deepEqual(expired.json(), unknown.json());
    assert.equal((await guest(expiring.key, `/${photoIds[0]}/thumbnail`)).statusCode, 404);

    const revoking = await createLink({ assetIds: [photoIds[0]] });
    assert.equal((await guest(revoking.key)).statusCode, 200);
    const revoke = await call(alice, 'DELETE', `/api/shared-links/${revoking.id}`);
    assert.equal(revoke.statusCode, 204);
    const revoked = await guest(revoking.key);
    assert.equal(revoked.statusCode, 404);
    assert.deepEqual(revoked.json(), unknown.json());
    const listed = (await call(alice, 'GET', '/api/shared-links')).json();
    const entry = listed.find((l: { id: string }) => l.id === revoking.id);
    assert.ok(entry.revokedAt);
    assert.equal('key' in entry, false);
  });

  it('serves originals without GPS when the link hides locations, keeping the stored one', async () => {
    const stored = await readFile(corpusPath(WITH_GPS));
    const plain = await createLink({ assetIds: [gpsId], allowDownload: true });
    const withGps = await guest(plain.key, `/${gpsId}/original`);
    assert.equal(withGps.statusCode, 200);
    assert.equal((await gpsIn(withGps.rawPayload)).length, 2);

    const hiding = await createLink({
      assetIds: [gpsId, jxlId],
      allowDownload: true,
      hideLocation: true,
    });
    const listed = (await guest(hiding.key)).json();
    const asset = listed.assets.find((a: { id: string }) => a.id === gpsId);
    assert.equal(asset.latitude, null);
    assert.equal(asset.place, null);
    const stripped = await guest(hiding.key, `/${gpsId}/original`);
    assert.equal(stripped.statusCode, 200);
    assert.deepEqual(await gpsIn(stripped.rawPayload), []);
    assert.notDeepEqual(stripped.rawPayload, stored);

    const original = await call(alice, 'GET', `/api/assets/${gpsId}/original`);
    assert.deepEqual(original.rawPayload, stored);

    const refused = await guest(hiding.key, `/${jxlId}/original`);
    assert.equal(refused.statusCode, 415);
    assert.equal(refused.json().code, 'LOCATION_NOT_REMOVABLE');
  });

  it('takes uploads into the owner’s album when allowed', async () => {
    const link = await createLink({ albumId, allowUpload: true });
    const body = await multipart({
      data: await readFile(corpusPath('jpeg-exif/EPSN0002.JPG')),
      name: 'EPSN0002.JPG',
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/shared-links/${link.key}/assets`,
      headers: body.headers,
      payload: body.payload,
    });
    assert.equal(res.statusCode, 201, res.body);
    const { id } = res.json<{ id: string }>();
    assert.equal((await call(alice, 'GET', `/api/assets/${id}`)).statusCode, 200);
    const shown = (await guest(link.key)).json().assets.map((a: { id: string }) => a.id);
    assert.ok(shown.includes(id));

    const readOnly = await createLink({ albumId });
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/shared-links/${readOnly.key}/assets`,
      headers: body.headers,
      payload: body.payload,
    });
    assert.equal(refused.statusCode, 403);
  });

  it('keeps my links from other users', async () => {
    const link = await createLink({ assetIds: [photoIds[0]] });
    assert.deepEqual((await call(bob, 'GET', '/api/shared-links')).json(), []);
    assert.equal((await call(bob, 'DELETE', `/api/shared-links/${link.id}`)).statusCode, 404);
    assert.equal((await guest(link.key)).statusCode, 200);
    assert.equal((await call(undefined, 'GET', '/api/shared-links')).statusCode, 401);
  });
});
