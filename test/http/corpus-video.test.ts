import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { FfmpegVideoFrameExtractor } from '../../src/adapters/media/ffmpeg-video-frame-extractor.js';
import { MediaToolMissingError, UnreadableVideoError } from '../../src/core/media/video-errors.js';
import { corpusFiles, corpusPath, readTruth } from '../helpers/corpus.js';
import {
  setupAdmin,
  startTestApp,
  uploadBytes,
  uploadFile,
  waitForAsset,
  type AssetBody,
  type Session,
  type TestApp,
  uploadCorpus,
  fetchRendition as fetchRenditionOf,
} from '../helpers/test-app.js';
import { expectedPosition } from '../helpers/truth-expectations.js';
import {
  expectedDurationSeconds,
  expectedVideoCaptureTime,
  expectedVideoDisplaySize,
} from '../helpers/video-truth-expectations.js';

const FILE_CREATED_AT = '2001-02-03T04:05:06.000Z';
const VIDEO = /\.(mov|mp4|avi|mpg)$/i;

/** `2019-07-24T11:25:40.000+03:00` as an instant, for comparing with a UTC stamp. */
const instantOf = (takenAt: string) => new Date(takenAt).toISOString().slice(0, 19) + 'Z';

describe('the corpus videos (real ffprobe and ffmpeg)', () => {
  let t: TestApp;
  let admin: Session;
  const assets = new Map<string, AssetBody>();

  before(async () => {
    t = await startTestApp();
    admin = await setupAdmin(t.app);
    const uploaded = await uploadCorpus(t.app, admin, await corpusFiles('video', VIDEO), {
      fields: { fileCreatedAt: FILE_CREATED_AT },
    });
    for (const [file, asset] of uploaded) assets.set(file, asset);
  });

  after(() => t.close());

  it('processes every video', () => {
    assert.ok(assets.size >= 4, `only ${assets.size} videos`);
    for (const [file, asset] of assets) {
      assert.equal(asset.type, 'video', file);
      assert.equal(asset.status, 'ready', `${file}: ${asset.error}`);
    }
  });

  it('reads the duration (within 1 %) and the size as displayed, after rotation', async () => {
    for (const [file, asset] of assets) {
      const truth = await readTruth(file);
      const seconds = expectedDurationSeconds(truth);
      const duration = Number(asset.duration);
      if (seconds !== null)
        assert.ok(Math.abs(duration - seconds) / seconds < 0.01, `${file}: ${duration}`);
      else assert.ok(duration > 0, `${file}: ${asset.duration}`);
      const size = expectedVideoDisplaySize(truth);
      assert.deepEqual({ width: asset.width, height: asset.height }, size, file);
    }
    const iphone = assets.get('video/iPhone 6 with-gps.mov')!;
    assert.deepEqual([iphone.width, iphone.height], [320, 568], 'filmed upright');
  });

  it('reads the capture time with its offset, else falls back to fileCreatedAt', async () => {
    for (const [file, asset] of assets) {
      const expected = expectedVideoCaptureTime(await readTruth(file));
      const takenAt = String(asset.takenAt);
      if (!expected) {
        assert.equal(asset.takenAtSource, 'fileCreatedAt', `${file}: ${takenAt}`);
        continue;
      }
      if ('instant' in expected) {
        assert.equal(instantOf(takenAt), expected.instant, `${file}: ${takenAt}`);
        continue;
      }
      assert.equal(takenAt.slice(0, 19), expected.localSecond, `${file}: ${takenAt}`);
      if (expected.offset) assert.ok(takenAt.endsWith(expected.offset), `${file}: ${takenAt}`);
    }
    assert.equal(
      assets.get('video/iPhone 6 with-gps.mov')!.takenAt,
      '2019-07-24T11:25:40.000+03:00',
    );
  });

  it('reads the GPS position of phone videos', async () => {
    let withPosition = 0;
    for (const [file, asset] of assets) {
      const expected = expectedPosition(await readTruth(file));
      if (!expected) {
        assert.equal(asset.latitude, null, file);
        continue;
      }
      withPosition++;
      assert.ok(Math.abs(Number(asset.latitude) - expected.latitude) < 1e-4, file);
      assert.ok(Math.abs(Number(asset.longitude) - expected.longitude) < 1e-4, file);
    }
    assert.equal(withPosition, 2);
  });

  it('makes a thumbnail, a preview and a placeholder from an upright poster frame', async () => {
    for (const [file, asset] of assets) {
      const display = expectedVideoDisplaySize(await readTruth(file));
      for (const [size, format] of [
        ['thumbnail', 'webp'],
        ['preview', 'jpeg'],
      ] as const) {
        const res = await fetchRenditionOf(t.app, admin, asset.id, size);
        assert.equal(res.statusCode, 200, `${file} ${size}: ${res.body}`);
        const meta = await sharp(res.rawPayload).metadata();
        assert.equal(meta.format, format, `${file} ${size}`);
        const ratio = meta.width! / meta.height!;
        const want = display.width / display.height;
        assert.ok(Math.abs(ratio - want) / want < 0.02, `${file} ${size}: ${ratio}, want ${want}`);
      }
      assert.match(String(asset.thumbhash), /^[A-Za-z0-9+/]+=*$/, file);
    }
  });

  it('fails a truncated video with a readable reason, and keeps its original', async () => {
    const whole = await readFile(corpusPath('video/Android with-gps.mp4'));
    const cut = whole.subarray(0, 150_000); // the moov atom is at the end: lost
    const res = await uploadBytes(t.app, admin, cut, 'cut short.mp4');
    assert.equal(res.statusCode, 201, res.body);
    const asset = await waitForAsset(t.app, admin, res.json<{ id: string }>().id);
    assert.equal(asset.status, 'failed');
    // ffprobe's "moov atom not found" stays in the log and the job record; people read a sentence.
    assert.equal(asset.error, 'The video could not be read: the file is damaged or cut short.');
    assert.doesNotMatch(String(asset.error), /\/tmp\//, 'no temporary paths');
    const original = await t.app.inject({
      url: `/api/assets/${asset.id}/original`,
      headers: admin.headers,
    });
    assert.equal(original.statusCode, 200);
    assert.ok(original.rawPayload.equals(cut));
    const listed = await t.app.inject({ url: '/api/assets', headers: admin.headers });
    assert.ok(listed.json<{ assets: AssetBody[] }>().assets.some((a) => a.id === asset.id));
  });
});

describe('videos without ffmpeg installed', () => {
  let t: TestApp;
  let admin: Session;

  before(async () => {
    t = await startTestApp({
      env: {
        KEEPSAKE_FFMPEG_PATH: '/nonexistent/ffmpeg',
        KEEPSAKE_FFPROBE_PATH: '/nonexistent/ffprobe',
      },
    });
    admin = await setupAdmin(t.app);
  });

  after(() => t.close());

  it('fail with the reason, keep the video listed, and photos still work', async () => {
    const video = await uploadFile(t.app, admin, corpusPath('video/MVC-009W.MPG'));
    const photo = await uploadFile(t.app, admin, corpusPath('orientation/Landscape_1.jpg'));
    const failedVideo = await waitForAsset(t.app, admin, video.json<{ id: string }>().id);
    assert.equal(failedVideo.status, 'failed');
    assert.match(String(failedVideo.error), /^ffmpeg is not installed: .*KEEPSAKE_FFPROBE_PATH/);
    const original = await t.app.inject({
      url: `/api/assets/${failedVideo.id}/original`,
      headers: admin.headers,
    });
    assert.equal(original.statusCode, 200);
    const readyPhoto = await waitForAsset(t.app, admin, photo.json<{ id: string }>().id);
    assert.equal(readyPhoto.status, 'ready', String(readyPhoto.error));
  });
});

describe('the ffmpeg poster frame adapter', () => {
  const sizeOf = async (path: string) => {
    const { width, height } = await sharp(path).metadata();
    return [width, height];
  };

  it('writes the frame upright, and falls back to the first frame past the end', async () => {
    const frames = new FfmpegVideoFrameExtractor({ binary: 'ffmpeg' });
    const iphone = corpusPath('video/iPhone 6 with-gps.mov');
    assert.deepEqual(await frames.withPosterFrame(iphone, 4002, sizeOf), [320, 568]);
    // Its video track ends at 0.1 s, long before the 5 s this duration claims.
    const android = corpusPath('video/Android with-gps.mp4');
    assert.deepEqual(await frames.withPosterFrame(android, 50_000, sizeOf), [1920, 1080]);
  });

  it('names the variable to set when ffmpeg is missing, and stops a run past its limit', async () => {
    const missing = new FfmpegVideoFrameExtractor({ binary: '/nonexistent/ffmpeg' });
    const video = corpusPath('video/MVI_0121.AVI');
    await assert.rejects(
      missing.withPosterFrame(video, 1000, sizeOf),
      (error) =>
        error instanceof MediaToolMissingError &&
        /^ffmpeg is not installed: .*KEEPSAKE_FFMPEG_PATH/.test(error.message),
    );
    const hasty = new FfmpegVideoFrameExtractor({ binary: 'ffmpeg', timeoutMs: 1 });
    await assert.rejects(
      hasty.withPosterFrame(video, 1000, sizeOf),
      (error) => error instanceof UnreadableVideoError && /took longer than/.test(error.message),
    );
  });
});
