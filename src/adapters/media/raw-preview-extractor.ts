import { resolve } from 'node:path';
import { UndecodableImageError } from '../../core/media/image-renderer.js';
import type { ExifOrientation } from './exif-orientation.js';
import { rawContainerKind } from './raw-container.js';
import {
  runTool,
  ToolNotFoundError,
  ToolOutputTooLargeError,
  ToolTimeoutError,
} from './run-tool.js';

export interface RawPreview {
  /** The largest picture the camera embedded: a JPEG mostly, an uncompressed TIFF in old Kodaks. */
  data: Buffer;
  /**
   * The RAW's own EXIF Orientation (a Canon CRW's Rotation): the embedded picture is stored as the
   * sensor saw it.
   */
  orientation: ExifOrientation;
  /** The RAW's full size as displayed, not the preview's; undefined when ExifTool gives none. */
  displayed: { width: number; height: number } | undefined;
}

/*
 * [Note: Camera RAW previews]
 * Keepsake does not develop raw sensor data: every RAW camera (and GoPro's GPR, a DNG) embeds
 * one or more JPEGs that the camera rendered itself, and ExifTool knows where each format keeps
 * them (JpgFromRaw, PreviewImage, OtherImage, ThumbnailImage, ThumbnailTIFF...: its Preview
 * group). The largest is the preview; a RAW without any fails with "no embedded preview" rather
 * than showing whatever libvips would make of the TIFF structure (often a 160 px thumbnail).
 *
 * Why the vendored exiftool script run as a process per file, not an exiftool-vendored instance
 * in the render thread: like heif-convert it is killed at the time limit and leaves nothing behind
 * when the thread is terminated (a -stay_open perl process would outlive a terminated thread), and
 * the picture comes on stdout, so no temporary file can leak. It costs two perl start-ups
 * (~0.15 s each) per RAW, small beside the RAW's own upload; other images never start it, except
 * plain TIFFs, whose header looks like most RAWs' (one start-up to ask ExifTool what it is).
 */

/** The picture types whose bytes are uncompressed: their size says little, so they come last. */
const UNCOMPRESSED_PREVIEWS = /TIFF$/;
/** What ExifTool calls plain TIFF: rendered by sharp like any image. */
const PLAIN_TIFF = new Set(['TIFF', 'BTF']);
const LISTING_LIMIT = 1024 * 1024;
/** A picture larger than this is not a preview. */
const PREVIEW_LIMIT = 96 * 1024 * 1024;
const BINARY_DATA = /^\(Binary data (\d+) bytes/;
/** The tags as the metadata step reads them (ExifTool's pick where several IFDs have one). */
const LISTING_ARGS = [
  '-json',
  '-n',
  '-FileType',
  '-Orientation',
  '-CanonRaw:Rotation',
  '-ImageWidth',
  '-ImageHeight',
  '-Preview:all',
];
/** Every IFD's own: `-a -G1` keeps them apart. */
const SENSOR_DATA_ARGS = ['-json', '-n', '-a', '-G1', '-PhotometricInterpretation', '-DNGVersion'];
const CFA = 32803;
const LINEAR_RAW = 34892;

/**
 * The largest embedded preview of a camera RAW, or undefined when the file (its first bytes in
 * `head`) is no camera RAW, plain TIFF included. Throws UndecodableImageError when it is one but
 * holds no preview.
 */
export async function extractRawPreview(
  path: string,
  head: Buffer,
  limits: { timeoutSeconds: number },
): Promise<RawPreview | undefined> {
  const kind = rawContainerKind(head);
  if (!kind) return undefined;
  const file = resolve(path);
  const deadline = Date.now() + limits.timeoutSeconds * 1000;
  // A TIFF header is shared by plain TIFF and most RAWs, and ExifTool names the RAW flavour by the
  // file's extension, which a stored original lacks (a KDC reads as TIFF): what marks a RAW is
  // the raw sensor data in one of its images (colour filter array or linear raw) or a DNGVersion.
  const askSensorData = kind === 'tiff' ? ['-execute', ...SENSOR_DATA_ARGS, file] : [];
  const [tags, images] = parseListings(
    await runExiftool([...LISTING_ARGS, file, ...askSensorData], deadline, LISTING_LIMIT),
  );
  const fileType = typeof tags.FileType === 'string' ? tags.FileType : undefined;
  if (kind === 'tiff' && !holdsSensorData(images) && (!fileType || PLAIN_TIFF.has(fileType)))
    return undefined;

  const tag = largestPreview(tags);
  if (!tag)
    throw new UndecodableImageError(
      `the ${fileType ?? 'camera RAW'} file holds no embedded preview (Keepsake shows RAW files by the picture the camera embedded)`,
    );
  const data = await runExiftool(['-b', `-${tag}`, file], deadline, PREVIEW_LIMIT);
  if (data.length === 0)
    throw new UndecodableImageError(`the ${tag} embedded in the RAW file could not be extracted`);
  const orientation =
    tags.Orientation === undefined
      ? fromCanonRawRotation(tags.Rotation)
      : toOrientation(tags.Orientation);
  const width = toSide(tags.ImageWidth);
  const height = toSide(tags.ImageHeight);
  const displayed =
    width && height
      ? orientation >= 5
        ? { width: height, height: width }
        : { width, height }
      : undefined;
  return { data, orientation, displayed };
}

/** The Preview-group tag with the most bytes, compressed pictures first. */
function largestPreview(tags: Tags): string | undefined {
  const found = Object.entries(tags).flatMap(([tag, value]) => {
    const bytes = typeof value === 'string' ? BINARY_DATA.exec(value) : null;
    return bytes ? [{ tag, bytes: Number(bytes[1]) }] : [];
  });
  const rank = (tag: string) => (UNCOMPRESSED_PREVIEWS.test(tag) ? 0 : 1);
  found.sort((a, b) => rank(b.tag) - rank(a.tag) || b.bytes - a.bytes);
  return found[0]?.tag;
}

type Tags = Record<string, unknown>;

function holdsSensorData(images: Tags | undefined): boolean {
  return Object.entries(images ?? {}).some(
    ([tag, value]) =>
      tag.endsWith(':DNGVersion') ||
      (tag.endsWith(':PhotometricInterpretation') && (value === CFA || value === LINEAR_RAW)),
  );
}

/** ExifTool's answers, one JSON array per `-execute`d command: the first object of each. */
function parseListings(stdout: Buffer): [Tags, Tags | undefined] {
  try {
    // A newline inside a JSON string is escaped, so this can only be where one array ends.
    const arrays = JSON.parse(`[${stdout.toString('utf8').replace(/\}\]\s*\n\[\{/g, '}],[{')}]`);
    const firsts = (arrays as unknown[][]).map((array) => array[0]);
    if (firsts.length > 0 && firsts.every((first) => typeof first === 'object' && first !== null))
      return [firsts[0] as Tags, firsts[1] as Tags | undefined];
  } catch {
    // reported below
  }
  throw new UndecodableImageError('ExifTool could not read the file');
}

function toOrientation(value: unknown): ExifOrientation {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 8
    ? (value as ExifOrientation)
    : 1;
}

/**
 * A CRW (CIFF) has no EXIF Orientation: its ImageInfo Rotation is the clockwise turn, in degrees,
 * that shows the stored picture upright (dcraw and LibRaw read it so: 90 is EXIF Orientation 6).
 */
function fromCanonRawRotation(degrees: unknown): ExifOrientation {
  if (typeof degrees !== 'number') return 1;
  const turns: Record<number, ExifOrientation> = { 90: 6, 180: 3, 270: 8 };
  return turns[(((degrees % 360) + 360) % 360) as number] ?? 1;
}

function toSide(value: unknown): number | undefined {
  return typeof value === 'number' && value > 0 ? Math.round(value) : undefined;
}

let scriptPath: Promise<string> | undefined;
// The same vendored ExifTool the metadata step runs; found through exiftool-vendored's own lookup.
const exiftoolScript = () =>
  (scriptPath ??= import('exiftool-vendored').then(({ exiftoolPath }) => exiftoolPath()));

async function runExiftool(args: string[], deadline: number, maxBuffer: number): Promise<Buffer> {
  let run;
  try {
    run = await runTool(await exiftoolScript(), args, {
      timeoutMs: Math.max(1, deadline - Date.now()),
      maxStdoutBytes: maxBuffer,
    });
  } catch (error) {
    if (error instanceof ToolOutputTooLargeError)
      throw new UndecodableImageError('the embedded preview is too large');
    if (error instanceof ToolTimeoutError)
      throw new UndecodableImageError('decoding took too long');
    if (error instanceof ToolNotFoundError)
      throw new UndecodableImageError(
        `RAW previews need ExifTool, which could not be run (${error.code})`,
      );
    throw error;
  }
  // ExifTool exits 1 when a file lacks the asked tag or has a minor error, yet answers.
  if (run.code === 0 || (run.code !== null && run.stdout.length > 0)) return run.stdout;
  const reason = run.stderr.split('\n')[0];
  throw new UndecodableImageError(
    `ExifTool could not read the file${reason ? ` (${reason})` : ''}`,
  );
}
