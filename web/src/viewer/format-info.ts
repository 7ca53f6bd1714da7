import type { Asset } from '../api/client';

/**
 * How the viewer words an asset's facts (info panel, alt text, announcements). Pure, so each rule
 * is tested on its own; `locale` is the browser's unless a test fixes it.
 */

export interface TakenAt {
  /** "Wed, 25 Nov 2026, 14:03": the clock on the wall where it was taken. */
  local: string;
  /** "UTC+01:00", "UTC", or null when the file did not say (never guessed from this browser). */
  zone: string | null;
}

const ISO_LOCAL =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * The capture time as the camera's clock showed it, with its offset when known. The wall-clock
 * digits are formatted as they are written, not converted to this browser's zone: a photo taken at
 * 14:03 in Rome says 14:03 wherever it is looked at.
 */
export function formatTakenAt(takenAt: string, locale?: string): TakenAt {
  const m = ISO_LOCAL.exec(takenAt);
  if (!m) return { local: takenAt, zone: null };
  const [, y, mo, d, h, mi, s, offset] = m;
  const wall = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +(s ?? 0)));
  const local = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(wall);
  return { local, zone: offset ? zoneName(offset) : null };
}

function zoneName(offset: string): string {
  if (offset === 'Z') return 'UTC';
  const digits = offset.replace(':', '');
  return `UTC${digits.slice(0, 3)}:${digits.slice(3)}`;
}

/** "Wed, 25 Nov 2026, 14:03 (UTC+01:00)", or without the zone when it is unknown. */
export function formatTakenAtLine(takenAt: string, locale?: string): string {
  const { local, zone } = formatTakenAt(takenAt, locale);
  return zone ? `${local} (${zone})` : local;
}

/** "25 November 2026": for alt text and announcements, where the hour would be noise. */
export function formatDay(takenAt: string, locale?: string): string {
  const m = ISO_LOCAL.exec(takenAt);
  if (!m) return takenAt;
  const wall = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(wall);
}

/** Trims a number to at most `digits` decimals, without trailing zeros ("1.80" → "1.8"). */
const trim = (n: number, digits = 1) => String(Number(n.toFixed(digits)));

/** "f/1.8", "f/11". */
export const formatAperture = (fNumber: number) => `f/${trim(fNumber)}`;

/**
 * Shutter speed the way cameras print it: "1/120 s" for fractions, "0.4 s" or "2 s" for long
 * exposures, since "1/2.5 s" reads worse than "0.4 s".
 */
export function formatExposureTime(seconds: number): string {
  if (seconds <= 0) return `${seconds} s`;
  if (seconds >= 1) return `${trim(seconds)} s`;
  const denominator = 1 / seconds;
  const whole = Math.round(denominator);
  const isFraction = Math.abs(denominator - whole) / denominator < 0.02;
  if (isFraction || seconds < 0.3) return `1/${whole} s`;
  return `${trim(seconds)} s`;
}

export const formatFocalLength = (mm: number) => `${trim(mm)} mm`;

/** "f/1.8 · 1/120 s · ISO 100 · 4.2 mm", leaving out what is unknown; null when nothing is. */
export function formatExposure(
  a: Pick<Asset, 'fNumber' | 'exposureTime' | 'iso' | 'focalLength'>,
): string | null {
  const parts = [
    a.fNumber ? formatAperture(a.fNumber) : null,
    a.exposureTime ? formatExposureTime(a.exposureTime) : null,
    a.iso ? `ISO ${a.iso}` : null,
    a.focalLength ? formatFocalLength(a.focalLength) : null,
  ].filter((p): p is string => p !== null);
  return parts.length > 0 ? parts.join(' · ') : null;
}

/**
 * "Canon EOS R5" rather than "Canon Canon EOS R5": many cameras repeat the maker in the model
 * (also as "NIKON CORPORATION" + "NIKON D5000").
 */
export function formatCamera(make: string | null, model: string | null): string | null {
  const mk = make?.trim();
  const md = model?.trim();
  if (!md) return mk || null;
  if (!mk) return md;
  const makerWord = mk.split(/\s+/)[0]!.toLowerCase();
  return md.toLowerCase().includes(makerWord) ? md : `${mk} ${md}`;
}

/** Sizes in decimal units, as phones and operating systems show them: "945 KB", "1.9 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1000;
  let unit = 0;
  while (value >= 999.95 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value >= 100 ? Math.round(value) : trim(value)} ${units[unit]}`;
}

/** "4032 × 3024 · 12.2 MP". */
export function formatDimensions(width: number, height: number): string {
  const mp = (width * height) / 1_000_000;
  const megapixels = mp >= 1 ? trim(mp) : trim(mp, 2);
  return `${width} × ${height} · ${megapixels} MP`;
}

/** "41.89021° N, 12.49223° E" (five decimals: about a metre). */
export function formatCoordinates(latitude: number, longitude: number): string {
  const lat = `${Math.abs(latitude).toFixed(5)}° ${latitude < 0 ? 'S' : 'N'}`;
  const lon = `${Math.abs(longitude).toFixed(5)}° ${longitude < 0 ? 'W' : 'E'}`;
  return `${lat}, ${lon}`;
}

/** "Rome, Italy"; "Palisade, CO, United States" where the server gives a region. */
export const formatPlace = (place: NonNullable<Asset['place']>): string =>
  [place.city, place.region, place.country].filter(Boolean).join(', ');

/** The place on openstreetmap.org, with a marker; a link, so no map tiles load here. */
export const openStreetMapUrl = (latitude: number, longitude: number) =>
  `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=15/${latitude}/${longitude}`;

/** "0:07", "12:05", "1:02:03". */
export function formatDuration(seconds: number): string {
  const total = Math.round(seconds);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/**
 * Alt text naming what, when and where: "Photo from 25 November 2026 in Rome, Italy". Where the
 * server named no town (none within 50 km), the coordinates say where.
 */
export function describeAsset(
  a: Pick<Asset, 'type' | 'takenAt' | 'latitude' | 'longitude' | 'place' | 'description'>,
  locale?: string,
): string {
  const kind = a.type === 'video' ? 'Video' : 'Photo';
  const place = a.place
    ? ` in ${formatPlace(a.place)}`
    : a.latitude !== null && a.longitude !== null
      ? ` at ${formatCoordinates(a.latitude, a.longitude)}`
      : '';
  const caption = a.description?.trim() ? `: ${a.description.trim()}` : '';
  return `${kind} from ${formatDay(a.takenAt, locale)}${place}${caption}`;
}

/** Types every current browser draws in an <img>; others (HEIC, RAW, TIFF) stay on the preview. */
const DISPLAYABLE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'image/avif']);
export const isBrowserDisplayable = (mimeType: string) => DISPLAYABLE.has(mimeType.toLowerCase());
