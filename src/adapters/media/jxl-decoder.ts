import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UndecodableImageError } from '../../core/media/image-renderer.js';
import {
  runTool,
  ToolNotFoundError,
  ToolOutputTooLargeError,
  ToolTimeoutError,
  type ToolRun,
} from './run-tool.js';

/** Debian's libjxl-tools (0.7 on bookworm); scripts/ensure-ready.mjs installs it. */
const DJXL = 'djxl';
const JXLINFO = 'jxlinfo';
const MISSING =
  'JPEG XL needs djxl (Debian package libjxl-tools), which is not installed: the prebuilt sharp (libvips) has no JPEG XL decoder';

/** A bare JPEG XL codestream, or the ISO BMFF container with its 'JXL ' signature box. */
export const isJpegXl = (head: Buffer): boolean =>
  (head[0] === 0xff && head[1] === 0x0a) ||
  head.subarray(0, 12).equals(Buffer.from('0000000c4a584c200d0a870a', 'hex'));

export interface DecodedJxl {
  /** The picture, upright, with its ICC profile: a JPEG, or a PNG when it has alpha. */
  path: string;
  dispose(): Promise<void>;
}

/**
 * Decodes JPEG XL, which the prebuilt sharp cannot, with libjxl's djxl in its own process (killed
 * at the time limit, like heif-convert in heic-decoder.ts) into a temporary file for sharp.
 *
 * Why a JPEG and not a PNG: djxl's PNG encoder compresses at its default level, ~0.6 s for a
 * 1.5 MP picture, ten times the decode; the JPEG costs almost nothing and, for a JPEG XL that
 * holds a losslessly recompressed JPEG (the common case for converted libraries), is that exact
 * original JPEG, EXIF Orientation included (djxl's pixel outputs are already turned upright and
 * carry none, so sharp's own EXIF rotation is right for both). Only a picture with alpha goes to
 * PNG, since JPEG would lose its transparency. Output is 8 bits a sample: djxl 0.7 fails to write
 * a 16-bit picture into JPEG, and renditions are 8-bit anyway.
 */
export async function decodeJxl(
  path: string,
  limits: { maxInputPixels: number; timeoutSeconds: number },
): Promise<DecodedJxl> {
  const deadline = Date.now() + limits.timeoutSeconds * 1000;
  const header = await readHeader(path, deadline);
  if (header.width * header.height > limits.maxInputPixels)
    throw new UndecodableImageError('the image claims more pixels than Keepsake will decode');

  const dir = await mkdtemp(join(tmpdir(), 'keepsake-jxl-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const output = join(dir, header.alpha ? 'decoded.png' : 'decoded.jpg');
    const run = await runJxlTool(DJXL, [path, output, '--bits_per_sample=8'], deadline);
    if (run.code !== 0) throw new UndecodableImageError(describeDjxlError(run.stderr));
    // An animation comes out as decoded-00.jpg, decoded-01.jpg...: the first frame is shown.
    const written = (await readdir(dir)).sort();
    if (written.length === 0) throw new UndecodableImageError('the JPEG XL file holds no picture');
    return { path: join(dir, written[0]!), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** jxlinfo reads only the header: "JPEG XL image, 1440x1080, lossy, 8-bit RGBA". */
async function readHeader(path: string, deadline: number) {
  const run = await runJxlTool(JXLINFO, [path], deadline);
  const found = /^JPEG XL (?:image|animation), (\d+)x(\d+), [^\n]*?(RGBA|Grayscale\+Alpha)?$/m.exec(
    run.stdout.toString('utf8'),
  );
  if (run.code !== 0 || !found)
    throw new UndecodableImageError(describeDjxlError(run.stderr || run.stdout.toString('utf8')));
  return { width: Number(found[1]), height: Number(found[2]), alpha: found[3] !== undefined };
}

async function runJxlTool(binary: string, args: string[], deadline: number): Promise<ToolRun> {
  try {
    return await runTool(binary, args, {
      timeoutMs: Math.max(1, deadline - Date.now()),
      maxStdoutBytes: 1024 * 1024,
    });
  } catch (error) {
    if (error instanceof ToolNotFoundError) throw new UndecodableImageError(MISSING);
    if (error instanceof ToolTimeoutError || error instanceof ToolOutputTooLargeError)
      throw new UndecodableImageError('decoding took too long');
    throw error;
  }
}

// djxl says e.g. "Input file is truncated and allow_partial_input was disabled."
function describeDjxlError(output: string): string {
  const lines = output.split('\n').map((l) => l.trim());
  const line = /truncated/i.test(output)
    ? 'the file is cut short'
    : lines.find((l) => l && !/^(JPEG XL decoder|Read \d+|Warning|\.\/lib\/)/.test(l));
  return line
    ? `the JPEG XL file could not be decoded (${line})`
    : 'the JPEG XL file could not be decoded';
}
