import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnreadableVideoError } from '../../core/media/video-errors.js';
import {
  posterFrameSeconds,
  type VideoFrameExtractor,
} from '../../core/media/video-frame-extractor.js';
import { lastComplaint, MediaToolTimeoutError, runMediaTool } from './run-media-tool.js';

export interface FfmpegOptions {
  /** `ffmpeg` on the PATH unless configured (KEEPSAKE_FFMPEG_PATH). */
  binary: string;
  timeoutMs?: number;
}

/**
 * The poster frame through ffmpeg, as a PNG in a temporary folder. ffmpeg turns the frame
 * upright itself (it applies the display matrix when decoding), and the scale filter stretches
 * anamorphic video to square pixels, so the image renderer sees what a player would show.
 */
export class FfmpegVideoFrameExtractor implements VideoFrameExtractor {
  constructor(private readonly options: FfmpegOptions) {}

  async withPosterFrame<T>(
    videoPath: string,
    durationMs: number | null,
    use: (framePath: string) => Promise<T>,
  ): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), 'keepsake-frame-'));
    try {
      const framePath = join(dir, 'poster.png');
      const at = posterFrameSeconds(durationMs);
      // A seek past the last frame (a duration that overstates the video track) gives no frame:
      // the first frame then does.
      const found =
        (await this.extract(videoPath, at, framePath)) ||
        (at > 0 && (await this.extract(videoPath, 0, framePath)));
      if (!found) throw new UnreadableVideoError('ffmpeg found no frame to show');
      return await use(framePath);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** True when a frame was written; throws when ffmpeg cannot read the video at all. */
  private async extract(videoPath: string, seconds: number, framePath: string): Promise<boolean> {
    const args = [
      ...['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'],
      // Before -i: seeks the input (fast), then decodes from the keyframe before it to the time.
      ...['-ss', seconds.toFixed(3), '-i', videoPath],
      // V, not v: skips cover art and other still pictures stored as video streams.
      ...['-map', '0:V:0', '-frames:v', '1', '-an', '-sn', '-dn'],
      ...['-vf', 'scale=trunc(iw*sar):ih,setsar=1', '-pix_fmt', 'rgb24'],
      // Written once and read once: fast compression beats a small file.
      ...['-c:v', 'png', '-compression_level', '1', '-f', 'image2', framePath],
    ];
    let run;
    try {
      run = await runMediaTool(this.options.binary, args, {
        tool: 'ffmpeg',
        pathVariable: 'KEEPSAKE_FFMPEG_PATH',
        timeoutMs: this.options.timeoutMs ?? 60_000,
      });
    } catch (error) {
      if (error instanceof MediaToolTimeoutError) throw new UnreadableVideoError(error.message);
      throw error;
    }
    if (run.code !== 0)
      throw new UnreadableVideoError(`ffmpeg: ${lastComplaint(run.stderr, videoPath)}`);
    return (await stat(framePath).catch(() => undefined))?.size ? true : false;
  }
}
