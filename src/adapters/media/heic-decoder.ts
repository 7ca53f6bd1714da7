import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UndecodableImageError } from '../../core/media/image-renderer.js';
import { readExifOrientation, type ExifOrientation } from './exif-orientation.js';
import { primaryImageHasTransforms } from './heif-container.js';
import {
  runTool,
  ToolNotFoundError,
  ToolOutputTooLargeError,
  ToolTimeoutError,
} from './run-tool.js';

/** Debian's libheif-examples; scripts/ensure-ready.mjs installs it. */
const HEIF_CONVERT = 'heif-convert';
// Visually lossless: the intermediate is only shrunk to a preview and thrown away.
const INTERMEDIATE_QUALITY = '95';

export interface HeicDecodeLimits {
  maxInputPixels: number;
  timeoutSeconds: number;
}

export interface DecodedHeic {
  /** The whole picture as libheif decoded it: grid tiles joined, irot/imir applied, ICC kept. */
  jpegPath: string;
  /** What still turns it upright: the EXIF Orientation, only when the container had no rotation. */
  orientation: ExifOrientation;
  /** Removes the temporary JPEG. */
  dispose(): Promise<void>;
}

/**
 * Decodes HEVC-coded HEIF (iPhone and Samsung photos), which the prebuilt sharp cannot: libheif's
 * heif-convert, in its own process, writes a temporary JPEG that sharp renders like any other.
 *
 * Why a process and not the wasm build of libheif: it decodes a 12 MP photo in 0.5-1 s with
 * 40-80 MB that are returned when it exits, can be killed at the time limit, and writes the ICC
 * profile (Display P3 on iPhones) into the JPEG, so sharp converts to sRGB as for any JPEG. The
 * wasm build took 1.2-1.8 s and 150-230 MB that its heap keeps, and gives bare RGBA.
 */
export async function decodeHeic(path: string, limits: HeicDecodeLimits): Promise<DecodedHeic> {
  const sharp = (await import('sharp')).default;
  // libvips reads the HEIF header (size, EXIF) even though it cannot decode HEVC.
  const header = await sharp(path).metadata();
  if (!header.width || !header.height) throw new UndecodableImageError('the HEIC file has no size');
  if (header.width * header.height > limits.maxInputPixels)
    throw new UndecodableImageError('the image claims more pixels than Keepsake will decode');
  const orientation = (await primaryImageHasTransforms(path))
    ? 1
    : readExifOrientation(header.exif);

  const dir = await mkdtemp(join(tmpdir(), 'keepsake-heic-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    await runHeifConvert(path, join(dir, 'decoded.jpg'), limits.timeoutSeconds);
    // A file with several top-level images (a burst) comes out as decoded-1.jpg, decoded-2.jpg...
    const written = (await readdir(dir)).filter((name) => name.endsWith('.jpg')).sort();
    if (written.length === 0) throw new UndecodableImageError('the HEIC file holds no picture');
    return { jpegPath: join(dir, written[0]!), orientation, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

async function runHeifConvert(input: string, output: string, timeoutSeconds: number) {
  let run;
  try {
    run = await runTool(HEIF_CONVERT, ['--quiet', '-q', INTERMEDIATE_QUALITY, input, output], {
      timeoutMs: timeoutSeconds * 1000,
      maxStdoutBytes: 1024 * 1024,
    });
  } catch (error) {
    if (error instanceof ToolNotFoundError && error.code === 'ENOENT')
      throw new UndecodableImageError(
        'HEIC needs heif-convert (Debian package libheif-examples), which is not installed',
      );
    if (error instanceof ToolTimeoutError || error instanceof ToolOutputTooLargeError)
      throw new UndecodableImageError('decoding took too long');
    throw new UndecodableImageError(describeHeifConvertError(''));
  }
  if (run.code !== 0) throw new UndecodableImageError(describeHeifConvertError(run.stderr));
}

// heif-convert says e.g. "Could not read HEIF/AVIF file: Invalid input: Unexpected end of file".
function describeHeifConvertError(stderr: string): string {
  const line = stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && !/^File contains/.test(l));
  return line
    ? `the HEIC file could not be decoded (${line})`
    : 'the HEIC file could not be decoded';
}
