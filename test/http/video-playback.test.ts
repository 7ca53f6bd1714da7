import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  fetchRendition,
  setupAdmin,
  startTestApp,
  storedKeys,
  uploadFile,
  waitForAsset,
  type AssetBody,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';
import { generateVideo, probeBytes, topLevelBoxes } from '../helpers/video-files.js';

interface Playback {
  status: 'pending' | 'original' | 'encoded' | 'failed';
  error: string | null;
  hls: boolean;
}
type VideoAsset = AssetBody & { playback: Playback | null };

const PLAYS_AS_IS = 'video/iPhone 6 with-gps.mov'; // H.264 + AAC in a MOV, filmed upright
const NEEDS_ENCODING = 'video/MVI_0121.AVI'; // MJPEG + PCM in an AVI, 160×120

/** Uploads a file and waits until its playback step has decided (or failed). */
async function uploadVideo(app: FastifyInstance, session: Session, path: string) {
  const res = await uploadFile(app, session, path);
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json<{ id: string }>().id;
  await waitForAsset(app, session, id);
  const deadline = Date.now() + 120_000;
  for (;;) {
    const asset = (
      await app.inject({ url: `/api/assets/${id}`, headers: session.headers })
    ).json<VideoAsset>();
    if (asset.playback?.status !== 'pending') return asset;
    if (Date.now() > deadline) throw new Error(`playback of ${path} still pending`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const get = (app: FastifyInstance, session: Session, url: string, headers = {}) =>
  app.inject({ url, headers: { ...session.headers, ...headers } });

describe('video playback (policy: needed)', () => {
  let t: TestApp;
  let admin: Session;
  let other: Session;
  let dir: string;
  let original: VideoAsset;
  let encoded: VideoAsset;
  let long: VideoAsset;
  let photo: VideoAsset;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keepsake-playback-'));
    t = await startTestApp();
    admin = await setupAdmin(t.app);
    other = await createUser(t.app, admin, 'Other');
    const longFile = await generateVideo(join(dir, 'long.mp4'), {
      seconds: 35,
      width: 160,
      height: 120,
    });
    original = await uploadVideo(t.app, admin, corpusPath(PLAYS_AS_IS));
    encoded = await uploadVideo(t.app, admin, corpusPath(NEEDS_ENCODING));
    long = await uploadVideo(t.app, admin, longFile);
    photo = await uploadVideo(t.app, admin, corpusPath('orientation/Landscape_1.jpg'));
  });

  after(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves an original that plays everywhere as it is, byte for byte', async () => {
    assert.deepEqual(original.playback, { status: 'original', error: null, hls: false });
    const res = await get(t.app, admin, `/api/assets/${original.id}/video`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'video/mp4', 'a MOV is served as the MP4 it is');
    assert.ok(res.rawPayload.equals(await readFile(corpusPath(PLAYS_AS_IS))));
  });

  it('encodes one that does not into an H.264/AAC MP4 with its index first', async () => {
    assert.deepEqual(encoded.playback, { status: 'encoded', error: null, hls: false });
    assert.equal(encoded.status, 'ready');
    const res = await get(t.app, admin, `/api/assets/${encoded.id}/video`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'video/mp4');
    const probe = await probeBytes(dir, 'encoded.mp4', res.rawPayload);
    const video = probe.streams.find((s) => s.codec_type === 'video')!;
    const audio = probe.streams.find((s) => s.codec_type === 'audio')!;
    assert.deepEqual(
      [video.codec_name, video.pix_fmt, video.width, video.height, audio.codec_name],
      ['h264', 'yuv420p', 160, 120, 'aac'],
      'a small video keeps its size',
    );
    assert.match(probe.format.format_name, /mp4/);
    const boxes = topLevelBoxes(res.rawPayload);
    assert.ok(boxes.indexOf('moov') < boxes.indexOf('mdat'), `faststart: ${boxes.join(' ')}`);
  });

  it('answers a Range request with 206 and exactly those bytes', async () => {
    const whole = (await get(t.app, admin, `/api/assets/${encoded.id}/video`)).rawPayload;
    const res = await get(t.app, admin, `/api/assets/${encoded.id}/video`, {
      range: 'bytes=100-1099',
    });
    assert.equal(res.statusCode, 206);
    assert.equal(res.headers['content-range'], `bytes 100-1099/${whole.length}`);
    assert.ok(res.rawPayload.equals(whole.subarray(100, 1100)));
    const tail = await get(t.app, admin, `/api/assets/${encoded.id}/video`, {
      range: `bytes=${whole.length}-`,
    });
    assert.equal(tail.statusCode, 416);
  });

  it('cuts a long video into HLS with two sizes whose segments all load', async () => {
    assert.deepEqual(long.playback, { status: 'original', error: null, hls: true });
    const base = `/api/assets/${long.id}/hls/`;
    const master = await get(t.app, admin, `${base}index.m3u8`);
    assert.equal(master.statusCode, 200, master.body);
    assert.equal(master.headers['content-type'], 'application/vnd.apple.mpegurl');
    const names = (playlist: string) =>
      playlist.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
    const variants = names(master.body);
    assert.ok(variants.length >= 2, master.body);
    // The entry point is revalidated; the names in it carry the set's version, and what they
    // name may be cached for good (a run again makes a new version). See: [Note: HLS caching].
    assert.equal(master.headers['cache-control'], 'private, no-cache');
    assert.ok(
      variants.every((name) => /\.m3u8\?v=[\w-]+$/.test(name)),
      master.body,
    );
    const IMMUTABLE = 'private, max-age=31536000, immutable';
    assert.match(master.body, /RESOLUTION=160x120/);
    assert.match(master.body, /RESOLUTION=80x60/);
    for (const variant of variants) {
      const playlist = await get(t.app, admin, base + variant);
      assert.equal(playlist.statusCode, 200, `${variant}: ${playlist.body}`);
      assert.equal(playlist.headers['cache-control'], IMMUTABLE, variant);
      const segments = names(playlist.body);
      assert.ok(segments.length >= 5, `35 s in 6 s segments: ${playlist.body}`);
      assert.ok(
        segments.every((name) => /\.ts\?v=[\w-]+$/.test(name)),
        playlist.body,
      );
      for (const segment of segments) {
        const res = await get(t.app, admin, base + segment);
        assert.equal(res.statusCode, 200, `${segment}: ${res.body}`);
        assert.equal(res.headers['content-type'], 'video/mp2t');
        assert.equal(res.headers['cache-control'], IMMUTABLE, segment);
        assert.equal(res.rawPayload[0], 0x47, 'an MPEG-TS packet starts with its sync byte');
      }
      // Without the version, or with one a run again has replaced, the answer is revalidated.
      const bare = segments[0]!.split('?')[0]!;
      for (const url of [bare, `${bare}?v=old`, `${variant.split('?')[0]}?v=old`])
        assert.equal(
          (await get(t.app, admin, base + url)).headers['cache-control'],
          'private, no-cache',
          url,
        );
      // The first segment plays: ffprobe finds H.264 video and AAC sound in it.
      const first = await get(t.app, admin, base + segments[0]!);
      const probe = await probeBytes(dir, 'segment.ts', first.rawPayload);
      assert.deepEqual(
        probe.streams.map((s) => s.codec_name).sort(),
        ['aac', 'h264'],
        `${variant}: ${segments[0]}`,
      );
    }
  });

  it('refuses HLS names that leave the set, and has no HLS for a short video', async () => {
    for (const name of ['..%2F..%2Fvideo.mp4', '..%2Fthumbnail.webp', 'index.m3u8%00.ts', 'x.txt'])
      assert.equal(
        (await get(t.app, admin, `/api/assets/${long.id}/hls/${name}`)).statusCode,
        404,
        name,
      );
    const short = await get(t.app, admin, `/api/assets/${original.id}/hls/index.m3u8`);
    assert.equal(short.statusCode, 404);
    assert.match(short.json<{ message: string }>().message, /no HLS/);
  });

  it('gives a still no playback job, no playback and no video', async () => {
    assert.equal(photo.playback, null);
    const res = await get(t.app, admin, `/api/assets/${photo.id}/video`);
    assert.equal(res.statusCode, 404);
    assert.match(res.json<{ message: string }>().message, /photo/);
    const counts = (await get(t.app, admin, '/api/jobs')).json<
      Record<string, { completed: number; failed: number }>
    >();
    assert.equal(counts.transcode!.completed + counts.transcode!.failed, 3, 'the three videos');
    assert.equal(counts.thumbnails!.completed, 4);
  });

  it('answers another person 404, as for any asset of someone else', async () => {
    for (const url of [
      `/api/assets/${encoded.id}/video`,
      `/api/assets/${long.id}/hls/index.m3u8`,
      `/api/assets/${long.id}/hls/stream_0_000.ts`,
    ]) {
      const res = await get(t.app, other, url);
      assert.equal(res.statusCode, 404, url);
      assert.equal(res.json<{ code: string }>().code, 'ASSET_NOT_FOUND', url);
    }
  });
  // Last: it deletes what the tests above read.
  it('deletes the playable copy and the HLS set with the video when the trash is emptied', async () => {
    const before = await storedKeys(t);
    for (const video of [encoded, long]) {
      assert.ok(
        before.some((key) => key.includes(`${video.id}/`) && !/thumbnail|preview/.test(key)),
      );
      assert.equal(
        (
          await t.app.inject({
            method: 'DELETE',
            url: `/api/assets/${video.id}`,
            headers: admin.headers,
          })
        ).statusCode,
        200,
      );
    }
    const emptied = await t.app.inject({
      method: 'DELETE',
      url: '/api/trash',
      headers: admin.headers,
    });
    assert.equal(emptied.statusCode, 200, emptied.body);
    const after = await storedKeys(t);
    for (const video of [encoded, long])
      assert.deepEqual(
        after.filter((key) => key.includes(video.id)),
        [],
        'nothing of it is left',
      );
  });
});

describe('video playback policies and limits', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(join(tmpdir(), 'keepsake-playback-'))));
  after(() => rm(dir, { recursive: true, force: true }));

  const withApp = async (
    env: Record<string, string>,
    test: (t: TestApp, s: Session) => Promise<void>,
  ) => {
    const t = await startTestApp({ env });
    try {
      await test(t, await setupAdmin(t.app));
    } finally {
      await t.close();
    }
  };

  it('always: encodes even a playable original, upright and scaled to the target', () =>
    withApp(
      { KEEPSAKE_VIDEO_TRANSCODE: 'always', KEEPSAKE_VIDEO_TARGET_HEIGHT: '144' },
      async (t, admin) => {
        const asset = await uploadVideo(t.app, admin, corpusPath(PLAYS_AS_IS));
        assert.deepEqual(asset.playback, { status: 'encoded', error: null, hls: false });
        const res = await get(t.app, admin, `/api/assets/${asset.id}/video`);
        const probe = await probeBytes(dir, 'always.mp4', res.rawPayload);
        const video = probe.streams.find((s) => s.codec_type === 'video')!;
        // 320×568 as shown (stored 568×320, turned a quarter): short side 144, sides even.
        assert.deepEqual([video.codec_name, video.width, video.height], ['h264', 144, 256]);
      },
    ));

  it('never: serves the original as it is, whatever it holds', () =>
    withApp({ KEEPSAKE_VIDEO_TRANSCODE: 'never' }, async (t, admin) => {
      const asset = await uploadVideo(t.app, admin, corpusPath(NEEDS_ENCODING));
      assert.deepEqual(asset.playback, { status: 'original', error: null, hls: false });
      const res = await get(t.app, admin, `/api/assets/${asset.id}/video`);
      assert.equal(res.statusCode, 200);
      assert.ok(res.rawPayload.equals(await readFile(corpusPath(NEEDS_ENCODING))));
    }));

  it('stops an encode past the time limit, with the reason; the video stays ready', () =>
    withApp({ KEEPSAKE_TRANSCODE_TIMEOUT_SECONDS: '0.01' }, async (t, admin) => {
      const asset = await uploadVideo(t.app, admin, corpusPath(NEEDS_ENCODING));
      assert.deepEqual(asset.playback, {
        status: 'failed',
        error: 'Transcoding was stopped after 0.01 s',
        hls: false,
      });
      assert.equal(asset.status, 'ready');
      assert.equal((await fetchRendition(t.app, admin, asset.id, 'thumbnail')).statusCode, 200);
      const res = await get(t.app, admin, `/api/assets/${asset.id}/video`);
      assert.equal(res.statusCode, 404);
      assert.match(
        res.json<{ message: string }>().message,
        /could not be made playable: Transcoding was stopped after 0.01 s/,
      );
    }));
});
