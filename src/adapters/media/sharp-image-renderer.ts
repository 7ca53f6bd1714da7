import { open } from 'node:fs/promises';
import type { Sharp } from 'sharp';
import { rgbaToThumbHash } from 'thumbhash';
import {
  UndecodableImageError,
  type ImageRenderer,
  type RenderedImage,
} from '../../core/media/image-renderer.js';
import type { ExifOrientation } from './exif-orientation.js';
import { readHdrSignal, toneMapToSrgb, type HdrSignal } from './hdr-tone-map.js';
import { decodeHeic } from './heic-decoder.js';
import { isHevcHeif } from './heif-container.js';
import { decodeJxl, isJpegXl } from './jxl-decoder.js';
import { narrowLevelsStretch } from './narrow-range-levels.js';
import { extractRawPreview } from './raw-preview-extractor.js';
import { errorMessage } from '../../core/errors.js';

// Loaded on first use: libvips costs ~25 MB, and a process that serves only the API never needs it.
const loadSharp = async () => (await import('sharp')).default;

export const THUMBNAIL_SHORT_SIDE = 250;
export const PREVIEW_LONG_SIDE = 1440;
const THUMBHASH_MAX_SIDE = 100;
/**
 * What transparent pixels are shown on: JPEG has no alpha, and transparent pixels often hold
 * black (a GIF's transparent index, a PNG logo's empty corners), which dropping the alpha showed.
 * The WebP thumbnail is flattened the same way, though WebP could keep alpha: it is made from the
 * same decode, and a transparent thumbnail would show the grid's background (dark in dark mode,
 * where black line art vanishes) instead of what the preview shows.
 */
const TRANSPARENT_SHOWN_AS = { r: 255, g: 255, b: 255 };

export interface SharpRendererOptions {
  /** Images claiming more pixels than this are refused before decoding (decompression bombs). */
  maxInputPixels?: number;
  timeoutSeconds?: number;
  /** libvips threads per image (sharp.concurrency, which is global to the process). */
  threads?: number;
}

/**
 * Renditions with sharp (libvips). The original is decoded once, already shrunk on load to the
 * preview size, upright (EXIF orientation) and in sRGB; the thumbnail and the placeholder are
 * made from that decoded preview, not from the file again. HEVC-coded HEIF (iPhone, Samsung)
 * and JPEG XL, which this libvips cannot decode, go through heif-convert (heic-decoder.ts) or djxl
 * (jxl-decoder.ts) first; a camera RAW is shown by the largest preview embedded in it, or by its
 * sensor data developed by LibRaw where that is missing or tiny (raw-preview-extractor.ts); an HDR
 * AVIF is tone-mapped (hdr-tone-map.ts).
 */
export class SharpImageRenderer implements ImageRenderer {
  constructor(private readonly options: SharpRendererOptions = {}) {}

  async render(path: string): Promise<RenderedImage> {
    const sharp = await loadSharp();
    if (this.options.threads) sharp.concurrency(this.options.threads);
    // Every image is decoded once: libvips' operation cache would only hold memory.
    // See: [Note: Memory after a burst].
    sharp.cache(false);
    const limits = {
      maxInputPixels: this.options.maxInputPixels ?? 268_402_689,
      timeoutSeconds: this.options.timeoutSeconds ?? 120,
    };
    const openImage = (file: string | Buffer) =>
      sharp(file, { failOn: 'error', limitInputPixels: limits.maxInputPixels }).timeout({
        seconds: limits.timeoutSeconds,
      });
    try {
      const head = await readHead(path); // inside: a missing or unreadable file is undecodable too
      // See: [Note: Camera RAW previews]. The RAW's own size and orientation, not the preview's.
      const raw = await extractRawPreview(path, head, {
        ...limits,
        previewLongSide: PREVIEW_LONG_SIDE,
      });
      if (raw)
        return {
          ...(await renderRenditions(openImage(raw.data), raw.orientation)),
          ...raw.displayed,
        };
      if (isHevcHeif(head)) {
        const decoded = await decodeHeic(path, limits);
        try {
          return await renderRenditions(openImage(decoded.jpegPath), decoded.orientation);
        } finally {
          await decoded.dispose();
        }
      }
      if (isJpegXl(head)) {
        const decoded = await decodeJxl(path, limits);
        try {
          return await renderRenditions(openImage(decoded.path));
        } finally {
          await decoded.dispose();
        }
      }
      return await renderRenditions(openImage(path), undefined, await readHdrSignal(path, head));
    } catch (error) {
      if (error instanceof UndecodableImageError) throw error;
      throw new UndecodableImageError(describeSharpError(error));
    }
  }
}

async function readHead(path: string): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(64), 0, 64, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/**
 * The renditions from an opened image. Exported so the benchmark's baseline does the same work.
 * `orientation`, when given, replaces the file's own EXIF Orientation: a decoded HEIC knows better.
 * `hdr`, when given, is the HDR curve the pixels are in (See: [Note: HDR stills in SDR renditions]).
 */
export async function renderRenditions(
  input: Sharp,
  orientation?: ExifOrientation,
  hdr?: HdrSignal,
): Promise<RenderedImage> {
  const sharp = await loadSharp();
  const { data, info } = await decodePreview(input, orientation, hdr);
  const raw = { raw: { width: info.width, height: info.height, channels: 3 } } as const;
  const displayed = await displayedSize(input, info.width, info.height, orientation);

  const scale = Math.min(1, THUMBNAIL_SHORT_SIDE / Math.min(info.width, info.height));
  const [preview, thumbnail, tiny] = await Promise.all([
    sharp(data, raw).jpeg({ quality: 82, progressive: true }).toBuffer({ resolveWithObject: true }),
    sharp(data, raw)
      .resize(
        Math.max(1, Math.round(info.width * scale)),
        Math.max(1, Math.round(info.height * scale)),
      )
      .webp({ quality: 78 })
      .toBuffer({ resolveWithObject: true }),
    sharp(data, raw)
      .resize(THUMBHASH_MAX_SIDE, THUMBHASH_MAX_SIDE, { fit: 'inside' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true }),
  ]);
  const hash = rgbaToThumbHash(tiny.info.width, tiny.info.height, tiny.data);
  return {
    preview: {
      data: preview.data,
      format: 'jpeg',
      width: preview.info.width,
      height: preview.info.height,
    },
    thumbnail: {
      data: thumbnail.data,
      format: 'webp',
      width: thumbnail.info.width,
      height: thumbnail.info.height,
    },
    thumbhash: Buffer.from(hash).toString('base64'),
    width: displayed.width,
    height: displayed.height,
  };
}

/** The original at the preview size, upright, as 8-bit sRGB without alpha. */
async function decodePreview(input: Sharp, orientation?: ExifOrientation, hdr?: HdrSignal) {
  // See: [Note: Narrow-range 16-bit greyscale]. Asked before any operation is added to `input`.
  const stretch = hdr ? undefined : await narrowLevelsStretch(input);
  const shrunk = (orientation === undefined ? input.rotate() : turned(input, orientation))
    .resize(PREVIEW_LONG_SIDE, PREVIEW_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
    .flatten({ background: TRANSPARENT_SHOWN_AS });
  if (!hdr) {
    if (stretch) shrunk.linear(stretch.multiply, stretch.add);
    return shrunk.toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  }
  const { data, info } = await shrunk
    .toColourspace('rgb16')
    .raw({ depth: 'ushort' })
    .toBuffer({ resolveWithObject: true });
  const aligned = data.byteOffset % 2 === 0 ? data : Buffer.from(data);
  const pixels = new Uint16Array(aligned.buffer, aligned.byteOffset, aligned.length / 2);
  return { data: toneMapToSrgb(pixels, hdr), info };
}

// Explicit turns for each EXIF Orientation. sharp mirrors before it rotates, whatever the call
// order, so a transpose (5) is a mirror and then a 270° turn. Checked against orientation/ fixtures.
const TURNS: Record<ExifOrientation, { mirror: boolean; angle: number }> = {
  1: { mirror: false, angle: 0 },
  2: { mirror: true, angle: 0 },
  3: { mirror: false, angle: 180 },
  4: { mirror: true, angle: 180 },
  5: { mirror: true, angle: 270 },
  6: { mirror: false, angle: 90 },
  7: { mirror: true, angle: 90 },
  8: { mirror: false, angle: 270 },
};

function turned(input: Sharp, orientation: ExifOrientation): Sharp {
  const { mirror, angle } = TURNS[orientation];
  if (mirror) input.flop();
  if (angle) input.rotate(angle);
  return input;
}

// The header already read for decoding gives the full size; orientations 5-8 swap the axes.
async function displayedSize(
  input: Sharp,
  fallbackWidth: number,
  fallbackHeight: number,
  orientation?: ExifOrientation,
) {
  const meta = await input.metadata();
  if (!meta.width || !meta.height) return { width: fallbackWidth, height: fallbackHeight };
  const swap = (orientation ?? meta.orientation ?? 1) >= 5;
  return swap
    ? { width: meta.height, height: meta.width }
    : { width: meta.width, height: meta.height };
}

function describeSharpError(error: unknown): string {
  const message = errorMessage(error);
  if (/unsupported image format/i.test(message))
    return 'the file is not in an image format that can be decoded';
  if (/premature end|truncated/i.test(message))
    return `the file is cut short (${message.split('\n')[0]!.replace(/^\w+: /, '')})`;
  if (/pixel limit/i.test(message)) return 'the image claims more pixels than Keepsake will decode';
  if (/timeout/i.test(message)) return 'decoding took too long';
  return message.split('\n')[0]!.replace(/^Input (file|buffer) /, 'the file ');
}
