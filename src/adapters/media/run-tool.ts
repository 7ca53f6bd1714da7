import { spawn } from 'node:child_process';

export interface ToolRun {
  /** Exit code; null when it was killed. */
  code: number | null;
  stdout: Buffer;
  /** The end of what it wrote to stderr (the last few KiB: where tools say what went wrong). */
  stderr: string;
}

/** The program could not be started (ENOENT: not installed; EACCES: not executable). */
export class ToolNotFoundError extends Error {
  constructor(
    readonly binary: string,
    readonly code: string,
  ) {
    super(`${binary} could not be run (${code})`);
    this.name = 'ToolNotFoundError';
  }
}

export class ToolTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`took longer than ${seconds} s and was stopped`);
    this.name = 'ToolTimeoutError';
  }
}

export class ToolOutputTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`wrote more than ${limitBytes} bytes`);
    this.name = 'ToolOutputTooLargeError';
  }
}

const STDERR_KEEP = 4096;

/**
 * Runs an external program (ffmpeg, ffprobe, heif-convert, ExifTool) on a file that may be hostile:
 * past `timeoutMs`, or past `maxStdoutBytes` of output, it is killed with SIGKILL (a process stuck
 * decoding a bad file may ignore gentler signals), so no file can hold a worker or its memory.
 * A non-zero exit is not an error here: callers know what their tool's codes mean.
 */
export function runTool(
  binary: string,
  args: readonly string[],
  options: { timeoutMs: number; maxStdoutBytes: number },
): Promise<ToolRun> {
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
      if (stdoutBytes <= options.maxStdoutBytes) stdout.push(chunk);
      else child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT' || error.code === 'EACCES')
        reject(new ToolNotFoundError(binary, error.code));
      else reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new ToolTimeoutError(options.timeoutMs / 1000));
      else if (stdoutBytes > options.maxStdoutBytes)
        reject(new ToolOutputTooLargeError(options.maxStdoutBytes));
      else resolve({ code, stdout: Buffer.concat(stdout), stderr: stderr.trim() });
    });
  });
}
