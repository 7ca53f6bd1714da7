import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { UnreadableVideoError } from '../../src/core/media/video-errors.js';
import { toVideoProbe, type FfprobeOutput } from '../../src/adapters/media/ffprobe-video-prober.js';
import { lastComplaint } from '../../src/adapters/media/run-media-tool.js';

// `ffprobe -v error -print_format json -show_format -show_streams` (Debian's 5.1) on the corpus
// videos in test/fixtures/corpus/video, as the prober runs it.
const captured = async (name: string): Promise<FfprobeOutput> =>
  JSON.parse(
    await readFile(new URL(`../fixtures/ffprobe/${name}.json`, import.meta.url), 'utf8'),
  ) as FfprobeOutput;

describe('ffprobe output', () => {
  it('turns an iPhone video held upright by its display matrix (rotation -90)', async () => {
    const probe = toVideoProbe(await captured('iPhone 6 with-gps.mov'));
    assert.deepEqual(
      { ...probe, frameRate: Number(probe.frameRate?.toFixed(2)) },
      {
        durationMs: 4002,
        width: 320,
        height: 568,
        rotation: 90,
        videoCodec: 'h264',
        audioCodec: 'aac',
        frameRate: 29.99,
        container: 'mov,mp4,m4a,3gp,3g2,mj2',
        pixelFormat: 'yuv420p',
      },
    );
  });

  it('reads the rotate tag that ffprobe before 5.0 wrote instead of side data', async () => {
    const output = await captured('iPhone 6 with-gps.mov');
    for (const stream of output.streams!) {
      delete (stream as { side_data_list?: unknown }).side_data_list;
      if (stream.codec_type === 'video') stream.tags = { rotate: '90' };
    }
    assert.deepEqual(pick(toVideoProbe(output)), { width: 320, height: 568, rotation: 90 });
  });

  it('keeps the size of a video turned upside down', async () => {
    const output = await captured('iPhone 6 with-gps.mov');
    const video = output.streams!.find((s) => s.codec_type === 'video')!;
    (video as { side_data_list?: unknown }).side_data_list = [{ rotation: 180 }];
    assert.deepEqual(pick(toVideoProbe(output)), { width: 568, height: 320, rotation: 180 });
  });

  it('takes the container duration over a shorter video track (Android)', async () => {
    const probe = toVideoProbe(await captured('Android with-gps.mp4'));
    assert.equal(probe.durationMs, 171);
    assert.deepEqual(pick(probe), { width: 1920, height: 1080, rotation: 0 });
    assert.equal(probe.audioCodec, 'aac');
  });

  it('reads old camera formats: MPEG-1 and MJPEG in AVI', async () => {
    const mpeg = toVideoProbe(await captured('MVC-009W.MPG'));
    assert.deepEqual(
      [mpeg.videoCodec, mpeg.width, mpeg.height, mpeg.durationMs, mpeg.frameRate],
      ['mpeg1video', 320, 240, 3880, 25],
    );
    const avi = toVideoProbe(await captured('MVI_0121.AVI'));
    assert.deepEqual(
      [avi.videoCodec, avi.width, avi.height, avi.durationMs, Math.round(avi.frameRate!)],
      ['mjpeg', 160, 120, 9467, 15],
    );
  });

  it('stretches non-square pixels to the width a player shows', async () => {
    const output = await captured('MVC-009W.MPG');
    const video = output.streams!.find((s) => s.codec_type === 'video')!;
    Object.assign(video, { width: 720, height: 480, sample_aspect_ratio: '8:9' });
    assert.deepEqual(pick(toVideoProbe(output)), { width: 640, height: 480, rotation: 0 });
  });

  it('refuses a file whose only picture is cover art, or that has none', async () => {
    const output = await captured('Android with-gps.mp4');
    output.streams!.find((s) => s.codec_type === 'video')!.disposition = { attached_pic: 1 };
    assert.throws(() => toVideoProbe(output), UnreadableVideoError);
    assert.throws(() => toVideoProbe({}), /no video stream/);
  });

  it("keeps ffmpeg's cause and consequence, without prefixes or the temporary path", () => {
    // What ffprobe 5.1 printed for a copy of an .mp4 cut short before its moov atom.
    const stderr =
      '[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5597764591c0] moov atom not found\n' +
      '/tmp/keepsake-blob-x/original: Invalid data found when processing input\n';
    assert.equal(
      lastComplaint(stderr, '/tmp/keepsake-blob-x/original'),
      'moov atom not found; Invalid data found when processing input',
    );
    assert.equal(lastComplaint('', '/x'), 'no reason given');
  });
});

const pick = ({
  width,
  height,
  rotation,
}: {
  width: number;
  height: number;
  rotation: number;
}) => ({
  width,
  height,
  rotation,
});
