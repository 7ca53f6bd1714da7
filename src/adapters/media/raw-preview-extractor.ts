import { resolve } from 'node:path';
import { UndecodableImageError } from '../../core/media/image-renderer.js';
import type { ExifOrientation } from './exif-orientation.js';
import { rawContainerKind } from './raw-container.js';
import { developRaw } from './raw-developer.js';
import { developsAtHalfSize, shouldDevelopRaw, type PictureSize } from './raw-source-choice.js';
import {
  runTool,
  ToolNotFoundError,
  ToolOutputTooLargeError,
  ToolTimeoutError,
} from './run-tool.js';

export interface RawPreview {
  /**
   * The largest picture the camera embedded (a JPEG mostly, an uncompressed TIFF in old Kodaks),
   * or the sensor data developed into an 8-bit sRGB TIFF where that is missing or tiny.
   */
  data: Buffer;
  /**
   * The RAW's own EXIF Orientation (a Canon CRW's Rotation): the embedded picture is stored as the
   * sensor saw it, and so is the developed one.
   */
  orientation: ExifOrientation;
  /** The RAW's full size as displayed, not the preview's; undefined when ExifTool gives none. */
  displayed: { width: number; height: number } | undefined;
}

/*
 * [Note: Camera RAW previews]
 * A RAW is shown by a picture the camera rendered itself and embedded: ExifTool knows where each
 * format keeps them (JpgFromRaw, PreviewImage, OtherImage, ThumbnailImage, ThumbnailTIFF...: its
 * Preview group), and the largest is the preview, in the camera's own colours and at no
 * developing cost. Some RAWs embed only a thumbnail (a 1997 Kodak DC120's KDC: 80x60 for a
 * 1280x960 sensor) or nothing; those, and any whose largest picture is under a third of the
 * preview's long side (raw-source-choice.ts), have their sensor data developed by LibRaw's
 * dcraw_emu (raw-developer.ts): half-size where that still fills the preview (no demosaicing),
 * camera white balance, sRGB, 8 bits, unturned (`-t 0`), so that the RAW's orientation from
 * ExifTool turns it once, as it turns an embedded picture. If developing fails (the tool is
 * missing, the data unreadable), the small embedded picture is shown if there is one, else the
 * RAW fails with "no embedded preview and could not be developed" and LibRaw's reason, rather than
 * showing whatever libvips would make of the TIFF structure.
 *
 * Why LibRaw's dcraw_emu (Debian's libraw-bin, 0.20) and not dcraw 9.28, which Debian also has:
 * the same speed at half size (~0.07 s for a 4 MP Canon CRW, 0.04 s for the KDC at full size), a
 * picture on stdout from both, but LibRaw reads far more cameras (CR3 and other formats of the
 * years since dcraw's last release in 2018) and is maintained and fuzzed, where dcraw crashed
 * (SIGSEGV) on a truncated KDC. Neither reads GoPro's GPR (a DNG whose raw data is VC-5
 * compressed, which needs GoPro's SDK, not built into Debian's LibRaw) and a GPR embeds no
 * picture, so it still fails with that reason. dcraw_emu exits 0 even when it cannot open a file:
 * only a picture on its stdout counts.
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
 * The picture a camera RAW is shown by (See: [Note: Camera RAW previews]), or undefined when the
 * file (its first bytes in `head`) is no camera RAW, plain TIFF included. Throws
 * UndecodableImageError when it is one but holds no preview and cannot be developed.
 */
export async function extractRawPreview(
  path: string,
  head: Buffer,
  limits: { timeoutSeconds: number; maxInputPixels: number; previewLongSide: number },
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

  const width = toSide(tags.ImageWidth);
  const height = toSide(tags.ImageHeight);
  const sensor = width && height ? { width, height } : undefined;
  const tag = largestPreview(tags);
  const embedded = tag ? await runExiftool(['-b', `-${tag}`, file], deadline, PREVIEW_LIMIT) : null;
  const data = await pictureToShow(embedded?.length ? embedded : undefined, {
    ...limits,
    file,
    fileType,
    sensor,
    deadline,
  });
  const orientation =
    tags.Orientation === undefined
      ? fromCanonRawRotation(tags.Rotation)
      : toOrientation(tags.Orientation);
  const displayed =
    width && height
      ? orientation >= 5
        ? { width: height, height: width }
        : { width, height }
      : undefined;
  return { data, orientation, displayed };
}

/**
 * The embedded picture, or the sensor data developed where that is missing, undecodable or too
 * small: the embedded one again if developing fails, since a small picture beats none.
 */
async function pictureToShow(
  embedded: Buffer | undefined,
  raw: {
    file: string;
    fileType: string | undefined;
    sensor: PictureSize | undefined;
    deadline: number;
    maxInputPixels: number;
    previewLongSide: number;
  },
): Promise<Buffer> {
  if (embedded && !shouldDevelopRaw(await pictureSize(embedded), raw.sensor, raw.previewLongSide))
    return embedded;
  const developed =
    raw.sensor && raw.sensor.width * raw.sensor.height > raw.maxInputPixels
      ? { failure: 'the sensor claims more pixels than Keepsake will decode' }
      : await developRaw(raw.file, {
          halfSize: developsAtHalfSize(raw.sensor, raw.previewLongSide),
          timeoutMs: Math.max(1, raw.deadline - Date.now()),
        });
  if ('data' in developed) return developed.data;
  if (embedded) return embedded;
  throw new UndecodableImageError(
    `the ${raw.fileType ?? 'camera RAW'} file holds no embedded preview and could not be developed (${developed.failure})`,
  );
}

/** The picture's size from its header; undefined when sharp cannot read it. */
async function pictureSize(picture: Buffer): Promise<PictureSize | undefined> {
  try {
    const { width, height } = await (await loadSharp())(picture).metadata();
    return width && height ? { width, height } : undefined;
  } catch {
    return undefined;
  }
}

const loadSharp = async () => (await import('sharp')).default;

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
