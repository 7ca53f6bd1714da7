import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { exiftoolPath } from 'exiftool-vendored';
import sharp from 'sharp';
import { corpusPath, readTruth } from '../helpers/corpus.js';
import {
  createUser,
  setupAdmin,
  startTestApp,
  storedKeys,
  uploadBytes,
  uploadFile,
  waitForAsset,
  type AssetBody,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

const run = promisify(execFile);

/*
 * Live Photos (a still and a .mov uploaded apart, paired by Apple's content identifier), motion
 * photos (the video inside the still, stored as its hidden motion part) and bursts.
 * See: [Note: Live Photos and motion photos] in src/core/live-photos/live-photo-linker.ts.
 */
describe('Live Photos, motion photos and bursts', () => {
  let t: TestApp;
  let admin: Session;
  let bea: Session;
  let work: string;

  before(async () => {
    // Playback encodes are another feature's work; nothing here needs them.
    t = await startTestApp({ env: { KEEPSAKE_VIDEO_TRANSCODE: 'never' } });
    admin = await setupAdmin(t.app);
    bea = await createUser(t.app, admin, 'Bea');
    work = await mkdtemp(join(tmpdir(), 'keepsake-live-'));
  });
  after(async () => {
    await t.close();
    await rm(work, { recursive: true, force: true });
  });

  const uploadReady = async (session: Session, file: string): Promise<AssetBody> => {
    const res = await uploadFile(t.app, session, corpusPath(file));
    assert.equal(res.statusCode, 201, `${file}: ${res.body}`);
    const asset = await waitForAsset(t.app, session, res.json<{ id: string }>().id);
    assert.equal(asset.status, 'ready', `${file}: ${asset.error}`);
    return asset;
  };
  const get = async (session: Session, id: string) => {
    const res = await t.app.inject({ url: `/api/assets/${id}`, headers: session.headers });
    return { statusCode: res.statusCode, asset: res.json<AssetBody>() };
  };
  const listed = async (session: Session, query = ''): Promise<string[]> => {
    const res = await t.app.inject({
      url: `/api/assets?limit=1000${query}`,
      headers: session.headers,
    });
    return res.json<{ assets: { id: string }[] }>().assets.map((a) => a.id);
  };
  /** Every id the timeline shows, and the sum of its month counts. */
  const timeline = async (session: Session) => {
    const buckets = (
      await t.app.inject({ url: '/api/timeline/buckets', headers: session.headers })
    ).json<{ bucket: string; count: number }[]>();
    const ids: string[] = [];
    for (const { bucket } of buckets) {
      const page = await t.app.inject({
        url: `/api/timeline/buckets/${bucket}?limit=1000`,
        headers: session.headers,
      });
      ids.push(...page.json<{ assets: { id: string }[] }>().assets.map((a) => a.id));
    }
    return { ids, count: buckets.reduce((sum, b) => sum + b.count, 0) };
  };
  const original = (session: Session, id: string) =>
    t.app.inject({ url: `/api/assets/${id}/original`, headers: session.headers });
  const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

  const PAIRS = [
    { still: 'live-motion/train.jpg', video: 'live-motion/train.mov' },
    { still: 'live-motion/IMG_3589.HEIC', video: 'live-motion/IMG_3589.mov' },
  ];
  /** Per person, the Live Photos paired below: still id → video id. */
  const paired = new Map<Session, Map<string, string>>();

  for (const order of ['still first', 'video first'] as const) {
    it(`pairs each Live Photo uploaded ${order}, its other half once the first is ready`, async () => {
      const session = order === 'still first' ? admin : bea;
      const pairs = new Map<string, string>();
      paired.set(session, pairs);
      for (const pair of PAIRS) {
        const [first, second] =
          order === 'still first' ? [pair.still, pair.video] : [pair.video, pair.still];
        const firstAsset = await uploadReady(session, first);
        const secondAsset = await uploadReady(session, second);
        const [stillId, videoId] =
          order === 'still first'
            ? [firstAsset.id, secondAsset.id]
            : [secondAsset.id, firstAsset.id];
        pairs.set(stillId, videoId);

        const still = (await get(session, stillId)).asset;
        const video = await get(session, videoId);
        assert.equal(still.livePhotoVideoId, videoId, pair.still);
        assert.equal(still.isHidden, false);
        assert.equal(video.statusCode, 200, 'the motion part is fetched through its id');
        assert.equal(video.asset.type, 'video');
        assert.equal(video.asset.isHidden, true);
        assert.equal(video.asset.livePhotoVideoId, null);

        const download = await original(session, videoId);
        assert.equal(download.statusCode, 200);
        assert.equal(sha256(download.rawPayload), sha256(await readFile(corpusPath(pair.video))));
      }
      // One asset per Live Photo wherever the person looks.
      const stills = [...pairs.keys()].sort();
      assert.deepEqual((await listed(session)).sort(), stills);
      const shown = await timeline(session);
      assert.deepEqual(shown.ids.sort(), stills);
      assert.equal(shown.count, stills.length, 'month counts leave the motion parts out');
    });
  }

  it('pairs the halves of a Live Photo uploaded together, processed side by side', async () => {
    const cleo = await createUser(t.app, admin, 'Cleo');
    const [stillRes, videoRes] = await Promise.all(
      [PAIRS[0]!.still, PAIRS[0]!.video].map((file) => uploadFile(t.app, cleo, corpusPath(file))),
    );
    const stillId = stillRes!.json<{ id: string }>().id;
    const videoId = videoRes!.json<{ id: string }>().id;
    await Promise.all([stillId, videoId].map((id) => waitForAsset(t.app, cleo, id)));
    assert.equal((await get(cleo, stillId)).asset.livePhotoVideoId, videoId);
    assert.equal((await get(cleo, videoId)).asset.isHidden, true);
    assert.deepEqual(await listed(cleo), [stillId]);
  });

  it('trashes and restores a Live Photo’s motion part with its still', async () => {
    const [stillId, videoId] = [...paired.get(admin)!][0]!;
    assert.equal(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/assets/${stillId}`,
          headers: admin.headers,
        })
      ).statusCode,
      200,
    );
    assert.equal((await get(admin, videoId)).asset.isTrashed, true);
    assert.ok(!(await timeline(admin)).ids.includes(stillId));
    assert.deepEqual(await listed(admin, '&isTrashed=true'), [stillId], 'the part stays unlisted');

    const restore = await t.app.inject({
      method: 'POST',
      url: `/api/assets/${stillId}/restore`,
      headers: admin.headers,
    });
    assert.equal(restore.statusCode, 200);
    assert.equal((await get(admin, videoId)).asset.isTrashed, false);
    assert.equal((await get(admin, stillId)).asset.livePhotoVideoId, videoId);
    assert.ok((await timeline(admin)).ids.includes(stillId));
  });

  it('deletes the motion part for good with its still when the trash is emptied', async () => {
    const [stillId, videoId] = [...paired.get(bea)!][0]!;
    await t.app.inject({ method: 'DELETE', url: `/api/assets/${stillId}`, headers: bea.headers });
    const emptied = await t.app.inject({
      method: 'DELETE',
      url: '/api/trash',
      headers: bea.headers,
    });
    assert.deepEqual(emptied.json(), { deleted: 1 }, 'counts what the person saw');
    assert.equal((await get(bea, stillId)).statusCode, 404);
    assert.equal((await get(bea, videoId)).statusCode, 404);
  });

  it('takes the video out of a Samsung motion photo as a hidden, playable motion part', async () => {
    const still = await uploadReady(admin, 'live-motion/Samsung SM-S901U1 motionphoto.heic');
    const videoId = still.livePhotoVideoId as string;
    assert.ok(videoId, 'the still names its motion part as soon as it is ready');
    const video = await waitForAsset(t.app, admin, videoId);
    assert.equal(video.status, 'ready', String(video.error));
    assert.equal(video.type, 'video');
    assert.equal(video.isHidden, true);
    assert.equal(video.mimeType, 'video/mp4');
    assert.equal(video.originalFileName, 'Samsung SM-S901U1 motionphoto.mp4');
    assert.ok(Math.abs(Number(video.duration) - 2.08) < 0.1, String(video.duration));

    const download = await original(admin, videoId);
    assert.equal(download.statusCode, 200);
    const path = join(work, 'samsung-motion.mp4');
    await writeFile(path, download.rawPayload);
    const probe = JSON.parse(
      (
        await run(t.keepsake.config.ffprobePath, [
          '-v',
          'error',
          '-print_format',
          'json',
          '-show_streams',
          path,
        ])
      ).stdout,
    ) as { streams: { codec_type: string; codec_name: string; width?: number }[] };
    const stream = probe.streams.find((s) => s.codec_type === 'video');
    assert.equal(stream?.codec_name, 'hevc');
    assert.equal(stream?.width, 1440);

    // Stored like an upload: the same bytes uploaded again find the motion part.
    const again = await uploadBytes(t.app, admin, download.rawPayload, 'motion.mp4');
    assert.deepEqual(again.json(), { id: videoId, status: 'duplicate' });
    assert.ok(!(await listed(admin)).includes(videoId));
    assert.ok((await listed(admin)).includes(still.id));
  });

  it('takes the video out of a Google MicroVideo JPEG (the last MicroVideoOffset bytes)', async () => {
    const movie = join(work, 'micro.mp4');
    await run(t.keepsake.config.ffmpegPath, [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=96x64:rate=10',
      '-t',
      '1',
      '-pix_fmt',
      'yuv420p',
      '-c:v',
      'libx264',
      movie,
    ]);
    const video = await readFile(movie);
    const jpeg = join(work, 'PXL_micro.jpg');
    await sharp({ create: { width: 96, height: 64, channels: 3, background: '#3a6' } })
      .jpeg()
      .toFile(jpeg);
    await run(await exiftoolPath(), [
      '-overwrite_original',
      '-XMP-GCamera:MicroVideo=1',
      '-XMP-GCamera:MicroVideoVersion=1',
      `-XMP-GCamera:MicroVideoOffset=${video.length}`,
      jpeg,
    ]);
    const motionPhoto = Buffer.concat([await readFile(jpeg), video]);
    const res = await uploadBytes(t.app, bea, motionPhoto, 'PXL_micro.jpg');
    const still = await waitForAsset(t.app, bea, res.json<{ id: string }>().id);
    assert.equal(still.status, 'ready', String(still.error));
    const part = await get(bea, still.livePhotoVideoId as string);
    assert.equal(part.asset.isHidden, true);
    assert.equal(part.asset.checksum, sha256(video), 'exactly the embedded bytes');
  });

  it('leaves a motion photo whose video is broken a plain, visible still', async () => {
    const originals = async () => (await storedKeys(t)).filter((k) => k.startsWith('originals/'));
    const before = (await originals()).length;
    const still = await uploadReady(bea, 'broken/google_motion_photo_broken.jpg');
    assert.equal(still.livePhotoVideoId, null);
    assert.equal(still.error, null);
    assert.ok((await listed(bea)).includes(still.id));
    assert.equal((await originals()).length, before + 1, 'no motion part was stored');
  });

  it('reports the same burst id for the frames of one burst', async () => {
    const frames = ['burst/IMG_3580.JPG', 'burst/IMG_3581.JPG'];
    const assets = [];
    for (const frame of frames) assets.push(await uploadReady(bea, frame));
    const expected = (await readTruth(frames[0]!))['Apple:BurstUUID'];
    assert.equal(expected, '520DEEC9-9311-433F-93C1-712D889853B5');
    for (const asset of assets) {
      assert.equal(asset.burstId, expected);
      assert.equal(asset.livePhotoVideoId, null);
    }
    // Frames of a burst are stills of their own: every one stays listed.
    const shown = await listed(bea);
    for (const asset of assets) assert.ok(shown.includes(asset.id));
  });
});
