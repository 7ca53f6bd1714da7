import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
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
  storedKeys,
  uploadBytes,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';
import { generateVideo } from '../helpers/video-files.js';

const WITH_GPS = 'gps/Apple iPhone 4.jpg';
const PHOTOS = ['jpeg-exif/IMG_0308.JPG', 'jpeg-exif/PA250004.JPG'];
// ExifTool cannot write JPEG XL: with hidden locations, its original must be refused.
const NOT_WRITABLE = 'png-webp-gif-tiff/8bit-sRGB.jxl';
const HOUR = 3_600_000;
const run = promisify(execFile);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Created {
  id: string;
  key: string;
  url: string;
}

/**
 * A video long enough for HLS (see KEEPSAKE_HLS_MIN_SECONDS below) that plays as it is, with a
 * position where phones put it (QuickTime Keys).
 */
async function longVideoWithGps(dir: string): Promise<Buffer> {
  const path = await generateVideo(join(dir, 'long.mp4'), { seconds: 13, width: 160, height: 120 });
  await run(await exiftoolPath(), [
    '-overwrite_original',
    '-Keys:GPSCoordinates=48.8584, 2.2945, 0',
    path,
  ]);
  return readFile(path);
}

/** The GPS position ExifTool finds in these bytes (named `name`: ExifTool goes by it), if any. */
async function gpsIn(bytes: Buffer, name = 'file.jpg'): Promise<unknown[]> {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-gps-'));
  try {
    const file = join(dir, name);
    await writeFile(file, bytes);
    const { stdout } = await run(await exiftoolPath(), [
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
  let longVideo: Buffer;
  let longVideoId: string;
  let dir: string;
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
    dir = await mkdtemp(join(tmpdir(), 'keepsake-shared-links-'));
    t = await startTestApp({
      clock: { now: () => new Date(Date.now() + offsetMs) },
      env: { KEEPSAKE_HLS_MIN_SECONDS: '5' },
    });
    alice = await setupAdmin(t.app);
    bob = await createUser(t.app, alice, 'Bob');
    gpsId = await upload(alice, WITH_GPS);
    photoIds = [];
    for (const file of PHOTOS) photoIds.push(await upload(alice, file));
    jxlId = await upload(alice, NOT_WRITABLE);
    albumId = (await call(alice, 'POST', '/api/albums', { name: 'Trip' })).json<{ id: string }>()
      .id;
    await call(alice, 'PUT', `/api/albums/${albumId}/assets`, { ids: [photoIds[1]] });
    longVideo = await longVideoWithGps(dir);
    const uploaded = await uploadBytes(t.app, alice, longVideo, 'long.mp4');
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    longVideoId = uploaded.json<{ id: string }>().id;
    await waitForPlayback(longVideoId);
  });
  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Until the playback step has decided (the HLS set is made by then). */
  async function waitForPlayback(id: string) {
    await waitForAsset(t.app, alice, id);
    for (const deadline = Date.now() + 120_000; ;) {
      const asset = (await call(alice, 'GET', `/api/assets/${id}`)).json();
      if (asset.playback && asset.playback.status !== 'pending') return asset;
      assert.ok(Date.now() < deadline, 'the playback step finished');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

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

  it('plays a shared long video from its HLS set, with the key (and token) only', async () => {
    const link = await createLink({ assetIds: [longVideoId], password: 'open sesame' });
    const opened = await guest(link.key, '', { 'x-share-password': 'open sesame' });
    assert.equal(opened.statusCode, 200, opened.body);
    const { token, assets } = opened.json();
    assert.equal(assets[0].playback.hls, true);
    // As a player goes: each name resolves against the URL of the playlist that names it.
    const origin = 'http://keepsake.test';
    const base = `/api/shared-links/${link.key}/assets/${longVideoId}/hls/`;
    const fetchAt = (url: URL | string) => {
      const { pathname, search } = new URL(url, origin);
      return call(undefined, 'GET', pathname + search);
    };
    const urisIn = (playlist: string) =>
      playlist.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

    const master = new URL(`${base}index.m3u8?token=${token}`, origin);
    const masterRes = await fetchAt(master);
    assert.equal(masterRes.statusCode, 200, masterRes.body);
    assert.equal(masterRes.headers['content-type'], 'application/vnd.apple.mpegurl');
    const variants = urisIn(masterRes.body);
    assert.ok(variants.length >= 2, masterRes.body);
    // The set's version, then the token. See: [Note: HLS caching].
    for (const variant of variants) assert.match(variant, /^stream_\d+\.m3u8\?v=[\w-]+&token=/);
    assert.equal(masterRes.headers['cache-control'], 'private, no-cache');
    const variant = new URL(variants[0]!, master);
    const variantRes = await fetchAt(variant);
    assert.equal(variantRes.statusCode, 200, variantRes.body);
    assert.equal(variantRes.headers['cache-control'], 'private, max-age=31536000, immutable');
    const segments = urisIn(variantRes.body);
    assert.ok(segments.length >= 2, variantRes.body);
    const segment = new URL(segments[0]!, variant);
    const segmentRes = await fetchAt(segment);
    assert.equal(segmentRes.statusCode, 200, segmentRes.body);
    assert.equal(segmentRes.headers['content-type'], 'video/mp2t');
    assert.equal(segmentRes.headers['cache-control'], 'private, max-age=31536000, immutable');
    const name = segment.pathname.slice(base.length);
    const owners = await call(alice, 'GET', `/api/assets/${longVideoId}/hls/${name}`);
    assert.deepEqual(segmentRes.rawPayload, owners.rawPayload);

    // Nothing without the token, the right key, or outside the set.
    assert.equal((await fetchAt(base + name)).statusCode, 401);
    const wrongKey = `/api/shared-links/${'A'.repeat(43)}/assets/${longVideoId}/hls/`;
    for (const file of ['index.m3u8', name])
      assert.equal((await fetchAt(`${wrongKey}${file}?token=${token}`)).statusCode, 404, file);
    assert.equal((await fetchAt(`/api/assets/${longVideoId}/hls/index.m3u8`)).statusCode, 401);
    for (const escape of [
      '..%2Fthumbnail.webp',
      '..%2F..%2Fvideo.mp4',
      `..%2F..%2F${gpsId}%2Fpreview.jpeg`,
      'index.m3u8%00.ts',
      'video.mp4',
    ])
      assert.equal((await fetchAt(`${base}${escape}?token=${token}`)).statusCode, 404, escape);
    // A link that does not show the video does not reach its set.
    const photoLink = await createLink({ assetIds: [photoIds[0]] });
    const elsewhere = `/api/shared-links/${photoLink.key}/assets/${longVideoId}/hls/index.m3u8`;
    assert.equal((await fetchAt(elsewhere)).statusCode, 404);

    assert.equal((await call(alice, 'DELETE', `/api/shared-links/${link.id}`)).statusCode, 204);
    for (const url of [master, variant, segment])
      assert.equal((await fetchAt(url)).statusCode, 404, url.pathname);
  });

  it('gives no original away as the video of a link without downloads', async () => {
    // The long video plays as it is: its playable file is the original itself.
    const link = await createLink({ assetIds: [longVideoId], allowDownload: false });
    assert.equal((await guest(link.key, `/${longVideoId}/original`)).statusCode, 403);
    const video = await guest(link.key, `/${longVideoId}/video`);
    assert.equal(video.statusCode, 403, video.body);
    assert.equal(video.json().code, 'DOWNLOAD_NOT_ALLOWED');
    assert.notDeepEqual(video.rawPayload, longVideo);
    // Its HLS set is made by ffmpeg, not the original's bytes: it still plays.
    const variant = await guest(link.key, `/${longVideoId}/hls/stream_0.m3u8`);
    assert.equal(variant.statusCode, 200, variant.body);
    const segment = variant.body.split('\n').find((line) => /\.ts\?v=/.test(line))!;
    assert.equal((await guest(link.key, `/${longVideoId}/hls/${segment}`)).statusCode, 200);
    // Where downloads are allowed, the video is the original, as before.
    const open = await createLink({ assetIds: [longVideoId], allowDownload: true });
    const whole = await guest(open.key, `/${longVideoId}/video`);
    assert.equal(whole.statusCode, 200);
    assert.deepEqual(whole.rawPayload, longVideo);
  });

  it('keeps one copy without location per original, the same in every answer and range', async () => {
    const link = await createLink({
      assetIds: [longVideoId, gpsId, jxlId],
      allowDownload: true,
      hideLocation: true,
    });
    assert.equal((await gpsIn(longVideo, 'video.mp4')).length, 2, 'the upload has a position');
    const copyKeys = async (assetId: string) =>
      (await storedKeys(t)).filter((key) => key.includes(`${assetId}/without-location/`));

    // Two first requests at once: one copy, whole in both answers.
    const [first, second] = await Promise.all([
      guest(link.key, `/${longVideoId}/video`),
      guest(link.key, `/${longVideoId}/video`),
    ]);
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(await gpsIn(first.rawPayload, 'video.mp4'), []);
    assert.deepEqual(second.rawPayload, first.rawPayload);
    const [copyKey, ...more] = await copyKeys(longVideoId);
    assert.ok(copyKey, 'a kept copy');
    assert.deepEqual(more, []);
    const made = (await t.blobs.stat(copyKey))!.modifiedAt.getTime();

    const head = await guest(link.key, `/${longVideoId}/video`, { range: 'bytes=0-999' });
    const tail = await guest(link.key, `/${longVideoId}/video`, { range: 'bytes=1000-' });
    assert.equal(head.statusCode, 206);
    assert.equal(tail.statusCode, 206);
    assert.deepEqual(Buffer.concat([head.rawPayload, tail.rawPayload]), first.rawPayload);
    // The video plays as it is: its original is the same file, and the same copy.
    const original = await guest(link.key, `/${longVideoId}/original`);
    assert.deepEqual(original.rawPayload, first.rawPayload);
    assert.deepEqual(await copyKeys(longVideoId), [copyKey]);
    assert.equal((await t.blobs.stat(copyKey))!.modifiedAt.getTime(), made, 'not made again');

    // The HLS set has no location to strip: MPEG-TS carries none.
    const variant = (await guest(link.key, `/${longVideoId}/hls/stream_0.m3u8`)).body;
    const segmentName = variant.split('\n').find((line) => /\.ts\?v=/.test(line))!;
    const segment = await guest(link.key, `/${longVideoId}/hls/${segmentName}`);
    assert.equal(segment.statusCode, 200);
    assert.deepEqual(await gpsIn(segment.rawPayload, 'segment.ts'), []);

    // A still: the same copy on each request and in ranges.
    const photo = await guest(link.key, `/${gpsId}/original`);
    assert.deepEqual(await gpsIn(photo.rawPayload), []);
    assert.deepEqual((await guest(link.key, `/${gpsId}/original`)).rawPayload, photo.rawPayload);
    const part = await guest(link.key, `/${gpsId}/original`, { range: 'bytes=100-299' });
    assert.equal(part.statusCode, 206);
    assert.deepEqual(part.rawPayload, photo.rawPayload.subarray(100, 300));
    assert.equal((await copyKeys(gpsId)).length, 1);

    // What cannot be stripped is refused every time, without trying again.
    for (let i = 0; i < 2; i++)
      assert.equal((await guest(link.key, `/${jxlId}/original`)).statusCode, 415);
    assert.equal((await copyKeys(jxlId)).filter((k) => k.endsWith('.unremovable')).length, 1);

    // The stored originals are untouched.
    const stored = await call(alice, 'GET', `/api/assets/${longVideoId}/original`);
    assert.equal(sha256(stored.rawPayload), sha256(longVideo));
    const storedPhoto = await call(alice, 'GET', `/api/assets/${gpsId}/original`);
    assert.equal(sha256(storedPhoto.rawPayload), sha256(await readFile(corpusPath(WITH_GPS))));
  });

  it('stops the links of a user disabled or awaiting deletion, until restored', async () => {
    const carol = await createUser(t.app, alice, 'Carol');
    const carolsPhoto = await upload(carol, 'gps/HTC Desire.jpg');
    const selection = await createLink({ assetIds: [carolsPhoto] }, carol);
    const carolsAlbum = (await call(carol, 'POST', '/api/albums', { name: 'Carol' })).json().id;
    await call(carol, 'PUT', `/api/albums/${carolsAlbum}/assets`, { ids: [carolsPhoto] });
    const carolsAlbumLink = await createLink({ albumId: carolsAlbum }, carol);
    // Carol adds her photo to Alice's album, shared with her: Alice's link shows it too.
    const shared = await call(alice, 'PUT', `/api/albums/${albumId}/users`, {
      users: [{ userId: carol.userId, role: 'editor' }],
    });
    assert.equal(shared.statusCode, 200, shared.body);
    const added = await call(carol, 'PUT', `/api/albums/${albumId}/assets`, { ids: [carolsPhoto] });
    assert.ok(added.statusCode < 300, added.body);
    const alicesLink = await createLink({ albumId });
    const unknown = (await guest('A'.repeat(43))).json();
    const carolsLinks = [selection, carolsAlbumLink];

    const works = async (when: string) => {
      for (const link of [...carolsLinks, alicesLink]) {
        const list = await guest(link.key);
        assert.equal(list.statusCode, 200, when);
        assert.ok(
          list.json().assets.some((a: { id: string }) => a.id === carolsPhoto),
          when,
        );
        const thumbnail = await guest(link.key, `/${carolsPhoto}/thumbnail`);
        assert.equal(thumbnail.statusCode, 200, when);
      }
    };
    const stopped = async (when: string) => {
      for (const link of carolsLinks) {
        const list = await guest(link.key);
        assert.equal(list.statusCode, 404, when);
        assert.deepEqual(list.json(), unknown, when);
        assert.equal((await guest(link.key, `/${carolsPhoto}/thumbnail`)).statusCode, 404, when);
      }
      // Alice's album link goes on, without Carol's photo.
      const list = await guest(alicesLink.key);
      assert.equal(list.statusCode, 200, when);
      const shown = list.json().assets.map((a: { id: string }) => a.id);
      assert.ok(shown.includes(photoIds[1]) && !shown.includes(carolsPhoto), when);
      assert.equal(
        (await guest(alicesLink.key, `/${carolsPhoto}/thumbnail`)).statusCode,
        404,
        when,
      );
    };
    const admin = (method: 'PATCH' | 'DELETE' | 'POST', path: string, body?: object) =>
      t.app.inject({
        method,
        url: `/api/users/${carol.userId}${path}`,
        headers: alice.headers,
        payload: body,
      });

    await works('at first');
    assert.equal((await admin('PATCH', '', { disabled: true })).statusCode, 200);
    await stopped('disabled');
    assert.equal((await admin('PATCH', '', { disabled: false })).statusCode, 200);
    await works('enabled again');
    assert.equal((await admin('DELETE', '')).statusCode, 200);
    await stopped('awaiting deletion');
    assert.equal((await admin('POST', '/restore')).statusCode, 200);
    await works('restored');
  });

  // Last: it deletes the video the tests above play.
  it('deletes the copy without location with its asset', async () => {
    const keys = async () =>
      (await storedKeys(t)).filter((key) => key.includes(`${longVideoId}/without-location/`));
    assert.equal((await keys()).length, 1);
    assert.equal((await call(alice, 'DELETE', `/api/assets/${longVideoId}`)).statusCode, 200);
    const purged = await call(alice, 'DELETE', `/api/assets/${longVideoId}?permanently=true`);
    assert.equal(purged.statusCode, 204);
    assert.deepEqual(await keys(), []);
  });
});
