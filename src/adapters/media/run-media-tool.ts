import { MediaToolMissingError } from '../../core/media/video-errors.js';
import {
  runTool,
  ToolNotFoundError,
  ToolOutputTooLargeError,
  ToolTimeoutError,
} from './run-tool.js';

export type { ToolRun as MediaToolRun } from './run-tool.js';

export class MediaToolTimeoutError extends Error {
  constructor(tool: string, seconds: number) {
    super(`${tool} took longer than ${seconds} s and was stopped`);
    this.name = 'MediaToolTimeoutError';
  }
}

const STDOUT_LIMIT = 16 * 1024 * 1024;

/**
 * Runs ffmpeg or ffprobe with a time limit (see runTool). A binary that is not there is a
 * MediaToolMissingError naming the variable that points to it.
 */
export async function runMediaTool(
  binary: string,
  args: readonly string[],
  options: { timeoutMs: number; tool: 'ffmpeg' | 'ffprobe'; pathVariable: string },
) {
  try {
    return await runTool(binary, args, {
      timeoutMs: options.timeoutMs,
      maxStdoutBytes: STDOUT_LIMIT,
    });
  } catch (error) {
    // Both programs come in Debian's ffmpeg package, so the reason names that.
    if (error instanceof ToolNotFoundError)
      throw new MediaToolMissingError(
        `ffmpeg is not installed: ${options.tool} could not be run as "${binary}" ` +
          `(${error.code}); install Debian's ffmpeg package or set ${options.pathVariable}`,
      );
    if (error instanceof ToolTimeoutError)
      throw new MediaToolTimeoutError(options.tool, error.seconds);
    if (error instanceof ToolOutputTooLargeError)
      throw new Error(`${options.tool} wrote more than ${error.limitBytes} bytes`, {
        cause: error,
      });
    throw error;
  }
}

/**
 * What ffmpeg said went wrong, readable on its own: its last two lines (the cause, then the
 * consequence: `moov atom not found; Invalid data found when processing input`), without the
 * `[mov,mp4 @ 0x…]` prefixes or the temporary path of the file.
 */
export function lastComplaint(stderr: string, path: string): string {
  const lines = stderr
    .split('\n')
    .map((line) =>
      line
        .replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, '')
        .replaceAll(`${path}: `, '')
        .replaceAll(path, 'the file')
        .trim(),
    )
    .filter(Boolean);
  return lines.slice(-2).join('; ') || 'no reason given';
}
