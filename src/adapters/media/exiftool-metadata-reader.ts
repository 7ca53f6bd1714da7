import type { ExifDateTime, ExifTool, Tags } from 'exiftool-vendored';
import { CAPTURE_DATE_TAGS, isValidLocal } from '../../core/media/capture-time.js';
import type { FileDate, FileMetadata, MetadataReader } from '../../core/media/metadata-reader.js';

/**
 * Metadata through ExifTool (exiftool-vendored keeps a few perl processes warm). Dates keep the
 * offset the file gives or that exiftool-vendored derives from it (OffsetTime* tags, a maker-note
 * time zone, the zone at the GPS position).
 */
export class ExiftoolMetadataReader implements MetadataReader {
  // Started on first use: a process that serves only the API never loads ExifTool.
  private exiftool: Promise<ExifTool> | undefined;

  constructor(private readonly options: { maxProcs: number; taskTimeoutMillis?: number }) {}

  async read(path: string): Promise<FileMetadata> {
    const tags = await (await this.start()).read(path);
    return toFileMetadata(tags);
  }

  async close(): Promise<void> {
    if (this.exiftool) await (await this.exiftool).end();
  }

  private start(): Promise<ExifTool> {
    this.exiftool ??= import('exiftool-vendored').then(
      ({ ExifTool, DefaultExifToolOptions }) =>
        new ExifTool({
          maxProcs: this.options.maxProcs,
          taskTimeoutMillis: this.options.taskTimeoutMillis ?? 30_000,
          ignoreZeroZeroLatLon: true,
          // Exact values, not ExifTool's rounded display (`0.3` for an exposure of 1/2.9 s).
          numericTags: [
            ...DefaultExifToolOptions.numericTags,
            'ExposureTime',
            'FNumber',
            'FocalLength',
            'ISO',
            'ImageWidth',
            'ImageHeight',
          ],
        }),
    );
    return this.exiftool;
  }
}

export function toFileMetadata(tags: Tags): FileMetadata {
  const t = tags as Record<string, unknown>;
  const dates: Partial<Record<string, FileDate>> = {};
  for (const tag of CAPTURE_DATE_TAGS) {
    const date = toFileDate(t[tag]);
    if (date) dates[tag] = date;
  }
  const latitude = toNumber(t.GPSLatitude);
  const longitude = toNumber(t.GPSLongitude);
  const hasPosition =
    latitude !== null &&
    longitude !== null &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180 &&
    !(latitude === 0 && longitude === 0);
  const duration = toNumber(t.Duration);
  return {
    mimeType: typeof t.MIMEType === 'string' ? t.MIMEType : null,
    dates,
    width: toPositiveInt(t.ImageWidth),
    height: toPositiveInt(t.ImageHeight),
    orientation: toPositiveInt(t.Orientation),
    latitude: hasPosition ? latitude : null,
    longitude: hasPosition ? longitude : null,
    make: toText(t.Make),
    model: toText(t.Model),
    lensModel: toText(t.LensModel) ?? toText(t.LensID) ?? toText(t.Lens),
    fNumber: toNumber(t.FNumber),
    exposureTime: toNumber(t.ExposureTime),
    iso: toPositiveInt(t.ISO),
    focalLength: toNumber(t.FocalLength),
    durationMs: duration !== null ? Math.round(duration * 1000) : null,
    warnings: [...(tags.errors ?? []), ...(tags.warnings ?? [])],
  };
}

function toFileDate(value: unknown): FileDate | undefined {
  if (!isExifDateTime(value)) return undefined;
  const pad = (n: number | undefined, width = 2) => String(n ?? 0).padStart(width, '0');
  const local =
    `${pad(value.year, 4)}-${pad(value.month)}-${pad(value.day)}` +
    `T${pad(value.hour)}:${pad(value.minute)}:${pad(value.second)}.${pad(Math.floor(value.millisecond ?? 0), 3)}`;
  if (!isValidLocal(local)) return undefined;
  const known = value.hasZone && value.tzoffsetMinutes !== undefined;
  return {
    local,
    offsetMinutes: known ? value.tzoffsetMinutes! : null,
    offsetInferred: known && value.inferredZone === true,
  };
}

// Structural, so the module is not loaded just to ask; an ExifDate (no time) does not qualify.
const isExifDateTime = (value: unknown): value is ExifDateTime =>
  typeof value === 'object' && value !== null && 'hour' in value && 'tzoffsetMinutes' in value;

/** Numbers as ExifTool prints them: `2.8`, `"1/100"`, `"35.0 mm"`, `"f/2.8"`. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const fraction = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)/.exec(value);
  if (fraction) return Number(fraction[2]) === 0 ? null : Number(fraction[1]) / Number(fraction[2]);
  const plain = /-?\d+(?:\.\d+)?/.exec(value.replace(/^f\//i, ''));
  return plain ? Number(plain[0]) : null;
}

function toPositiveInt(value: unknown): number | null {
  const n = toNumber(value);
  return n !== null && n > 0 ? Math.round(n) : null;
}

function toText(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).trim();
  return text ? text : null;
}
