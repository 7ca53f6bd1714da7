import type { Truth } from './corpus.js';

/*
 * What the product should show for a corpus file, derived from ExifTool's reading (truth/) by
 * rules written independently of the product's code: the capture date is the first valid
 * DateTimeOriginal, else CreateDate, else DateTimeCreated / DateCreated with a time.
 */
const DATE_TAG_SUFFIXES = [
  ':DateTimeOriginal',
  ':SubSecDateTimeOriginal',
  ':CreateDate',
  ':DateTimeCreated',
  ':DateCreated',
];
const EXIF_DATE =
  /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?([+-]\d{2}:\d{2}|Z)?$/;

export interface ExpectedTime {
  /** `YYYY-MM-DDTHH:mm:ss`, to the second. */
  localSecond: string;
  offset: string | null;
}

export function expectedCaptureTime(truth: Truth): ExpectedTime | undefined {
  for (const suffix of DATE_TAG_SUFFIXES) {
    for (const [key, value] of Object.entries(truth)) {
      if (!key.endsWith(suffix) || typeof value !== 'string') continue;
      const m = EXIF_DATE.exec(value.trim());
      if (!m || m[1] === '0000' || Number(m[2]) === 0 || Number(m[3]) === 0) continue;
      const localSecond = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
      const offsetTag = truth['ExifIFD:OffsetTimeOriginal'] ?? truth['ExifIFD:OffsetTime'];
      const offset = typeof offsetTag === 'string' ? offsetTag : m[7] && m[7] !== 'Z' ? m[7] : null;
      return { localSecond, offset };
    }
  }
  return undefined;
}

export function expectedPosition(truth: Truth): { latitude: number; longitude: number } | null {
  const lat = truth['Composite:GPSLatitude'];
  const lon = truth['Composite:GPSLongitude'];
  if (typeof lat !== 'number' || typeof lon !== 'number' || (lat === 0 && lon === 0)) return null;
  return { latitude: lat, longitude: lon };
}

/** Width and height as a person sees the photo: EXIF orientations 5-8 turn it a quarter. */
export function expectedDisplaySize(truth: Truth): { width: number; height: number } {
  const width = Number(truth['File:ImageWidth']);
  const height = Number(truth['File:ImageHeight']);
  const orientation = Number(truth['IFD0:Orientation'] ?? 1);
  return orientation >= 5 && orientation <= 8
    ? { width: height, height: width }
    : { width, height };
}

export const truthText = (truth: Truth, key: string): string | null => {
  const value = truth[key];
  return typeof value === 'string' && value.trim()
    ? value.trim()
    : typeof value === 'number'
      ? String(value)
      : null;
};
