import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  planPlayback,
  playsInEveryBrowser,
  scaledToShortSide,
  type PlaybackPolicy,
} from '../../src/core/media/playback-rules.js';
import type { VideoProbe } from '../../src/core/media/video-prober.js';

const phone: VideoProbe = {
  durationMs: 4000,
  width: 1080,
  height: 1920,
  rotation: 90,
  videoCodec: 'h264',
  audioCodec: 'aac',
  frameRate: 30,
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
  pixelFormat: 'yuv420p',
};
const needed: PlaybackPolicy = { transcode: 'needed', targetHeight: 720, hlsMinSeconds: 30 };

describe('which videos play in every browser as they are', () => {
  it('takes H.264 (8-bit 4:2:0) in MP4 or MOV with AAC, MP3 or no sound', () => {
    assert.ok(playsInEveryBrowser(phone));
    assert.ok(playsInEveryBrowser({ ...phone, audioCodec: null }));
    assert.ok(playsInEveryBrowser({ ...phone, audioCodec: 'mp3' }));
    assert.ok(playsInEveryBrowser({ ...phone, pixelFormat: 'yuvj420p' }));
  });

  it('refuses other codecs, depths, containers and sounds', () => {
    for (const other of [
      { videoCodec: 'hevc' },
      { videoCodec: 'mpeg4' },
      { pixelFormat: 'yuv420p10le' },
      { pixelFormat: 'yuv422p' },
      { pixelFormat: null },
      { container: 'avi' },
      { container: 'matroska,webm' },
      { container: null },
      { audioCodec: 'pcm_s16le' },
      { audioCodec: 'ac3' },
    ])
      assert.equal(playsInEveryBrowser({ ...phone, ...other }), false, JSON.stringify(other));
  });
});

describe('what the playback step makes', () => {
  it('makes nothing for a short video that plays as it is', () => {
    assert.deepEqual(planPlayback(phone, needed), { playsAsIs: true, encode: null, hls: [] });
  });

  it('encodes one that does not, its short side at the target', () => {
    const hevc = { ...phone, videoCodec: 'hevc' };
    assert.deepEqual(planPlayback(hevc, needed).encode, { width: 720, height: 1280 });
  });

  it('adds HLS, at the target and half of it, for a video past the HLS length', () => {
    const long = { ...phone, durationMs: 30_001 };
    assert.deepEqual(planPlayback(long, needed), {
      playsAsIs: true,
      encode: null,
      hls: [
        { width: 720, height: 1280 },
        { width: 360, height: 640 },
      ],
    });
    assert.deepEqual(planPlayback({ ...phone, durationMs: 30_000 }, needed).hls, []);
  });

  it('always encodes with `always`, and never anything with `never`', () => {
    assert.deepEqual(planPlayback(phone, { ...needed, transcode: 'always' }).encode, {
      width: 720,
      height: 1280,
    });
    const hevcLong = { ...phone, videoCodec: 'hevc', durationMs: 3_600_000 };
    assert.deepEqual(planPlayback(hevcLong, { ...needed, transcode: 'never' }), {
      playsAsIs: false,
      encode: null,
      hls: [],
    });
  });
});

describe('the size of an encoded copy', () => {
  it('never enlarges, and keeps both sides even', () => {
    assert.deepEqual(scaledToShortSide({ width: 160, height: 120 }, 720), {
      width: 160,
      height: 120,
    });
    assert.deepEqual(scaledToShortSide({ width: 1920, height: 1080 }, 720), {
      width: 1280,
      height: 720,
    });
    assert.deepEqual(scaledToShortSide({ width: 320, height: 568 }, 144), {
      width: 144,
      height: 256,
    });
    assert.deepEqual(scaledToShortSide({ width: 175, height: 99 }, 720), {
      width: 176,
      height: 100,
    });
  });
});
