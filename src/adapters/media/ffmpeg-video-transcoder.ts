import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnreadableVideoError } from '../../core/media/video-errors.js';
import {
  TranscodeTimeoutError,
  type PlayableCopies,
  type TranscodedFile,
  type TranscodeOrder,
  type VideoTranscoder,
} from '../../core/media/video-transcoder.js';
import { hlsArgs, mp4Args } from './ffmpeg-transcode-args.js';
import { lastComplaint, MediaToolTimeoutError, runMediaTool } from './run-media-tool.js';

/** The playable copies through ffmpeg (libx264 and its AAC encoder), in a temporary folder. */
export class FfmpegVideoTranscoder implements VideoTranscoder {
  constructor(private readonly options: { binary: string }) {}

  async withPlayableCopies<T>(
    videoPath: string,
    order: TranscodeOrder,
    use: (copies: PlayableCopies) => Promise<T>,
  ): Promise<T> {
    const dir = await mkdtemp(join(tmpdir(), 'keepsake-transcode-'));
    // One limit for the whole encode, however many runs it takes.
    const deadline = Date.now() + order.timeoutMs;
    const run = (args: string[]) => this.run(videoPath, args, deadline, order.timeoutMs);
    try {
      let mp4: TranscodedFile | null = null;
      if (order.encode) {
        const path = join(dir, 'video.mp4');
        await run(mp4Args(videoPath, order.encode, path));
        mp4 = await fileAt(path);
      }
      let hls: TranscodedFile[] = [];
      if (order.hls.length > 0) {
        const folder = join(dir, 'hls');
        await mkdir(folder);
        await run(hlsArgs(videoPath, order.hls, order.audio, folder));
        const names = (await readdir(folder)).sort();
        hls = await Promise.all(names.map((name) => fileAt(join(folder, name))));
      }
      return await use({ mp4, hls });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  private async run(videoPath: string, args: string[], deadline: number, limitMs: number) {
    const timeoutMs = deadline - Date.now();
    if (timeoutMs <= 0) throw new TranscodeTimeoutError(limitMs / 1000);
    let result;
    try {
      result = await runMediaTool(this.options.binary, args, {
        tool: 'ffmpeg',
        pathVariable: 'KEEPSAKE_FFMPEG_PATH',
        timeoutMs,
      });
    } catch (error) {
      if (error instanceof MediaToolTimeoutError) throw new TranscodeTimeoutError(limitMs / 1000);
      throw error;
    }
    if (result.code !== 0)
      throw new UnreadableVideoError(`ffmpeg: ${lastComplaint(result.stderr, videoPath)}`);
  }
}

async function fileAt(path: string): Promise<TranscodedFile> {
  const { size } = await stat(path);
  return { name: path.slice(path.lastIndexOf('/') + 1), size, open: () => createReadStream(path) };
}
