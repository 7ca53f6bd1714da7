import { resolve } from 'node:path';
import type { ExifDateTime, ExifTool, Tags } from 'exiftool-vendored';
import { CAPTURE_DATE_TAGS, isValidLocal } from '../../core/media/capture-time.js';
import {
  chooseDescription,
  mergeKeywords,
  toRating,
} from '../../core/media/descriptive-metadata.js';
import type { FileDate, FileMetadata, MetadataReader } from '../../core/media/metadata-reader.js';

/**
 * Metadata through ExifTool (exiftool-vendored keeps a few perl processes warm). Dates keep the
 * offset the file gives or that exiftool-vendored derives from it (OffsetTime* tags, a maker-note
 * time zone, the zone at the GPS position).
 */
export class ExiftoolMetadataReader implements MetadataReader {
  // Started on first use: a process that serves only the API never loads ExifTool.
  private started: Promise<Started> | undefined;

  constructor(private readonly options: { maxProcs: number; taskTimeoutMillis?: number }) {}

  async read(path: string): Promise<FileMetadata> {
    const { exiftool, ReadTask, readOptions } = await this.start();
    const file = resolve(path);
    const tags = await exiftool.enqueueTask(
      () => new ReadTask(file, readArgs(file, readOptions), readOptions),
    );
    return toFileMetadata(tags);
  }

  async close(): Promise<void> {
    if (this.started) await (await this.started).exiftool.end();
  }

  private start(): Promise<Started> {
    this.started ??= (async () => {
      const [{ ExifTool, DefaultReadTaskOptions }, { ReadTask }] = await Promise.all([
        import('exiftool-vendored'),
        loadReadTask(),
      ]);
      const exiftool = new ExifTool({
        maxProcs: this.options.maxProcs,
        taskTimeoutMillis: this.options.taskTimeoutMillis ?? 30_000,
      });
      const readOptions = {
        ...DefaultReadTaskOptions,
        includeImageDataMD5: false,
        ignoreZeroZeroLatLon: true,
        numericTags: NUMERIC_TAGS,
      };
      return { exiftool, ReadTask, readOptions };
    })();
    return this.started;
  }
}

/*
 * [Note: Reading only the tags Keepsake uses]
 * `ExifTool.read` always asks for every tag (`-all`): a camera JPEG has a few hundred, which
 * costs ExifTool's perl ~5 ms to print and exiftool-vendored ~5 ms to parse, a third of the
 * metadata step's CPU. exiftool-vendored's own ReadTask, given the tag list below instead of
 * `-all`, parses and infers time zones exactly as `read` does (the class is not re-exported
 * from the package root, so the version is pinned exactly in package.json). The list must hold
 * every tag that inference looks at, not only those `toFileMetadata` reads: offsets, maker-note
 * zones, GPS position and UTC stamps. Composite tags (SubSecDateTimeOriginal, the MWG
 * DateTimeOriginal, GPSLatitude with its sign, LensID) are computed by ExifTool from whatever
 * they need. A test reads the shared corpus both ways and expects the same metadata.
 */
const loadReadTask = () => import('exiftool-vendored/dist/ReadTask.js');

interface Started {
  exiftool: ExifTool;
  ReadTask: Awaited<ReturnType<typeof loadReadTask>>['ReadTask'];
  readOptions: ConstructorParameters<Started['ReadTask']>[2];
}

/** Wanted as numbers: exact values rather than ExifTool's rounded display (`0.3` for 1/2.9 s). */
const NUMERIC_TAGS = [
  'ExposureTime',
  'FNumber',
  'FocalLength',
  'ISO',
  'ImageWidth',
  'ImageHeight',
  'Orientation',
  'GPSLatitude',
  'GPSLongitude',
  'GPSPosition',
  'Duration',
  'Rating',
];

const TEXT_TAGS = [
  ...CAPTURE_DATE_TAGS,
  // What exiftool-vendored's time-zone inference reads besides the dates above.
  'TimeCreated',
  'SubSecTime',
  'SubSecTimeOriginal',
  'SubSecTimeDigitized',
  'OffsetTime',
  'OffsetTimeOriginal',
  'OffsetTimeDigitized',
  'TimeZone',
  'TimeZoneOffset',
  'DaylightSavings',
  'DateTimeUTC',
  'GPSDateStamp',
  'GPSTimeStamp',
  'SonyDateTime2',
  'TimeStamp',
  'GPSLatitudeRef',
  'GPSLongitudeRef',
  'MIMEType',
  'Make',
  'Model',
  'LensModel',
  'LensID',
  'Lens',
  'Error',
  'Warning',
  // What a person wrote: [Note: Description, rating and keywords].
  'Description',
  'ImageDescription',
  'Caption-Abstract',
  'Subject',
  'Keywords',
  // Live Photos (Apple's MakerNote in the still, QuickTime Keys in the video; older ExifTool
  // versions name the MakerNote's tag MediaGroupUUID), bursts, and motion photos' flags.
  'ContentIdentifier',
  'MediaGroupUUID',
  'BurstUUID',
  'BurstID',
  'CameraBurstID',
  'MotionPhoto',
  'MicroVideo',
];

/** As ReadTask.for builds them from the options, with the tag list in place of `-all`. */
function readArgs(path: string, options: Started['readOptions']): string[] {
  return [
    '-json',
    '-fast',
    '-api',
    `struct=${typeof options.struct === 'number' ? options.struct : 0}`,
    // The MWG composites: DateTimeOriginal with its sub-seconds and offset, for one.
    ...(options.useMWG ? ['-use', 'MWG'] : []),
    ...NUMERIC_TAGS.map((tag) => `-${tag}#`),
    ...TEXT_TAGS.map((tag) => `-${tag}`),
    path,
  ];
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
    contentId: toText(t.ContentIdentifier) ?? toText(t.MediaGroupUUID),
    burstId: toText(t.BurstUUID) ?? toText(t.BurstID) ?? toText(t.CameraBurstID),
    embedsVideo: toNumber(t.MotionPhoto) === 1 || toNumber(t.MicroVideo) === 1,
    description: chooseDescription(
      [t.Description, t.ImageDescription, t['Caption-Abstract']],
      toText(t.Make),
    ),
    rating: toRating(t.Rating),
    keywords: mergeKeywords(t.Subject, t.Keywords),
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
