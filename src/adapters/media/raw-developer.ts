import {
  runTool,
  ToolNotFoundError,
  ToolOutputTooLargeError,
  ToolTimeoutError,
} from './run-tool.js';

/** LibRaw's dcraw_emu, from Debian's libraw-bin; scripts/ensure-ready.mjs installs it. */
const DCRAW_EMU = 'dcraw_emu';
/** 8-bit RGB of up to 32 megapixels: a half-size develop of a 128 MP sensor. */
const DEVELOPED_LIMIT = 96 * 1024 * 1024;

export type DevelopedRaw = { data: Buffer } | { failure: string };

/**
 * A camera RAW's sensor data developed by LibRaw (See: [Note: Camera RAW previews]): an 8-bit
 * sRGB TIFF on stdout, with the camera's white balance where it recorded one, as the sensor saw
 * it: `-t 0` leaves the turning to the caller, which knows the RAW's orientation from ExifTool as
 * it does for embedded previews, so a picture is never turned twice. What went wrong comes back
 * as `failure`, for the caller to fall back on a smaller picture or to report.
 */
export async function developRaw(
  path: string,
  options: { halfSize: boolean; timeoutMs: number },
): Promise<DevelopedRaw> {
  const args = ['-T', '-o', '1', '-w', '-t', '0', ...(options.halfSize ? ['-h'] : [])];
  try {
    const run = await runTool(DCRAW_EMU, [...args, '-Z', '-', path], {
      timeoutMs: options.timeoutMs,
      maxStdoutBytes: DEVELOPED_LIMIT,
    });
    // dcraw_emu exits 0 even when it cannot open the file: only a picture on stdout is success.
    if (run.stdout.length > 0 && run.code === 0) return { data: run.stdout };
    return { failure: describeFailure(run.stderr, path) };
  } catch (error) {
    if (error instanceof ToolNotFoundError)
      return { failure: 'dcraw_emu (Debian package libraw-bin) is not installed' };
    if (error instanceof ToolTimeoutError) return { failure: 'developing took too long' };
    if (error instanceof ToolOutputTooLargeError) return { failure: 'the sensor is too large' };
    throw error;
  }
}

// "Cannot open /tmp/x/original: Unsupported file format or not RAW file": the reason, no path.
function describeFailure(stderr: string, path: string): string {
  const lines = stderr.split('\n').map((line) => line.split(path).join('the file').trim());
  const reason = lines
    .reverse()
    .find((line) => line && !/^(Processing|Using \d+ threads)/.test(line));
  return reason?.replace(/^Cannot (open|decode) the file: /, '') ?? 'LibRaw gave no picture';
}
