import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  chooseMediaTool,
  localToolPath,
  type ToolLookup,
} from '../../src/adapters/media/media-tool-binaries.js';
import { loadConfig } from '../../src/config.js';

const lookup = (
  executables: string[],
  searchPath: string | undefined = '/usr/bin:/bin',
): ToolLookup => ({
  searchPath,
  root: '/srv/keepsake',
  platform: 'linux',
  arch: 'x64',
  isExecutable: (path) => executables.includes(path),
});
const npmFfmpeg = '/srv/keepsake/.tools/node_modules/@ffmpeg-installer/linux-x64/ffmpeg';
const npmFfprobe = '/srv/keepsake/.tools/node_modules/@ffprobe-installer/linux-x64/ffprobe';

describe('which ffmpeg runs', () => {
  it('is the system one when it is on the PATH, even beside the npm build', () => {
    assert.equal(chooseMediaTool('ffmpeg', lookup(['/usr/bin/ffmpeg', npmFfmpeg])), 'ffmpeg');
  });

  it('is the npm build in .tools/ when none is on the PATH', () => {
    assert.equal(localToolPath('ffmpeg', lookup([])), npmFfmpeg);
    assert.equal(chooseMediaTool('ffmpeg', lookup([npmFfmpeg])), npmFfmpeg);
    assert.equal(chooseMediaTool('ffprobe', lookup([npmFfprobe])), npmFfprobe);
  });

  it('is the bare name when there is neither, so the error says what to install', () => {
    assert.equal(chooseMediaTool('ffprobe', lookup([])), 'ffprobe');
  });

  it('names the Windows binary with its extension', () => {
    const windows = { ...lookup([]), platform: 'win32', searchPath: 'C:\\bin' };
    assert.match(localToolPath('ffmpeg', windows), /win32-x64[\\/]ffmpeg\.exe$/);
  });

  it('is what KEEPSAKE_FFMPEG_PATH and KEEPSAKE_FFPROBE_PATH say, when set', () => {
    const config = loadConfig({
      KEEPSAKE_FFMPEG_PATH: '/opt/ff/ffmpeg',
      KEEPSAKE_FFPROBE_PATH: '/opt/ff/ffprobe',
    });
    assert.deepEqual(
      [config.ffmpegPath, config.ffprobePath],
      ['/opt/ff/ffmpeg', '/opt/ff/ffprobe'],
    );
  });
});

describe('video configuration', () => {
  it('has defaults, and one encode at a time unless told', async () => {
    const { concurrencyFor } = await import('../../src/config.js');
    const config = loadConfig({});
    assert.deepEqual(
      [config.videoTranscode, config.videoTargetHeight, config.hlsMinSeconds],
      ['needed', 720, 30],
    );
    assert.equal(config.transcodeTimeoutSeconds, 3600);
    assert.equal(concurrencyFor(config, 'transcode'), 1);
    assert.equal(concurrencyFor(loadConfig({ KEEPSAKE_JOB_CONCURRENCY: '0' }), 'transcode'), 0);
    assert.equal(
      concurrencyFor(loadConfig({ KEEPSAKE_CONCURRENCY_TRANSCODE: '3' }), 'transcode'),
      3,
    );
  });

  it('stops start-up at a value it cannot use, naming the variable', () => {
    for (const [variable, value] of [
      ['KEEPSAKE_VIDEO_TRANSCODE', 'sometimes'],
      ['KEEPSAKE_VIDEO_TARGET_HEIGHT', 'tall'],
      ['KEEPSAKE_VIDEO_TARGET_HEIGHT', '10'],
      ['KEEPSAKE_HLS_MIN_SECONDS', '-1'],
      ['KEEPSAKE_TRANSCODE_TIMEOUT_SECONDS', '0'],
      ['KEEPSAKE_TRANSCODE_TIMEOUT_SECONDS', 'an hour'],
    ] as const)
      assert.throws(
        () => loadConfig({ [variable]: value }),
        (error: Error) => error.message.startsWith(`${variable}: `),
        `${variable}=${value}`,
      );
    assert.equal(
      loadConfig({ KEEPSAKE_TRANSCODE_TIMEOUT_SECONDS: '0.5' }).transcodeTimeoutSeconds,
      0.5,
    );
  });
});
