import { spawn } from 'node:child_process';
import { MediaToolMissingError } from '../../core/media/video-errors.js';

export interface MediaToolRun {
  /** Exit code; null when it was killed. */
  code: number | null;
  stdout: Buffer;
  /** The last lines ffmpeg wrote about what went wrong. */
  stderr: string;
}

export class MediaToolTimeoutError extends Error {
  constructor(tool: string, seconds: number) {
    super(`${tool} took longer than ${seconds} s and was stopped`);
    this.name = 'MediaToolTimeoutError';
  }
}

const STDOUT_LIMIT = 16 * 1024 * 1024;
const STDERR_KEEP = 4096;

/**
 * Runs ffmpeg or ffprobe with a time limit. A run past the limit is killed (SIGKILL: a process
 * stuck decoding a hostile file may ignore gentler signals), so a bad file never holds a worker.
 * A binary that is not there is a MediaToolMissingError naming the variable that points to it.
 */
export function runMediaTool(
  binary: string,
  args: readonly string[],
  options: { timeoutMs: number; tool: 'ffmpeg' | 'ffprobe'; pathVariable: string },
): Promise<MediaToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes <= STDOUT_LIMIT) stdout.push(chunk);
      else child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      // Both programs come in Debian's ffmpeg package, so the reason names that.
      if (error.code === 'ENOENT' || error.code === 'EACCES')
        reject(
          new MediaToolMissingError(
            `ffmpeg is not installed: ${options.tool} could not be run as "${binary}" ` +
              `(${error.code}); install Debian's ffmpeg package or set ${options.pathVariable}`,
          ),
        );
      else reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new MediaToolTimeoutError(options.tool, options.timeoutMs / 1000));
      else if (stdoutBytes > STDOUT_LIMIT)
        reject(new Error(`${options.tool} wrote more than ${STDOUT_LIMIT} bytes`));
      else resolve({ code, stdout: Buffer.concat(stdout), stderr: stderr.trim() });
    });
  });
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
