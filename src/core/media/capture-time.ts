import type { CaptureTime } from '../assets/asset.js';
import type { FileDate } from './metadata-reader.js';

/*
 * [Note: Capture time]
 * A photo's time is the wall-clock time where it was taken, plus the UTC offset when known. The
 * timeline groups and sorts by the wall-clock time (a photo taken at 23:30 on New Year's Eve in
 * Tokyo belongs to December wherever you look at it from). The first valid source wins:
 *
 *   1. the file's own date tags, most specific first (CAPTURE_DATE_TAGS), with the offset the
 *      file gives (OffsetTime* tags, a maker-note time zone, or the zone at its GPS position).
 *      An offset written in the file beats one worked out from elsewhere: when the chosen tag's
 *      offset is inferred or missing, another tag naming the same moment with a written offset
 *      (IPTC TimeCreated `15:15:44-04:00`, say) supplies it;
 *   2. `fileCreatedAt`, then `fileModifiedAt`, as sent by the uploading client;
 *   3. the time the server received the file.
 *
 * Videos put Apple's QuickTime `CreationDate` (Keys) right after `DateTimeOriginal`
 * (VIDEO_CAPTURE_DATE_TAGS): it is the wall-clock start of the recording with its written offset,
 * while QuickTime's `CreateDate` is a UTC stamp of when the file was written, seconds after the
 * recording or, for an edited clip, days.
 *
 * A date is invalid when it is blank, zero (`0000:00:00`), before 1826 (the first photograph)
 * or not a real calendar date; invalid dates are skipped, never shown.
 *
 * An XMP sidecar's date, when it has a valid one, comes before all of these: [Note: XMP sidecars]
 * in core/media/sidecar-merge.ts.
 */
export const CAPTURE_DATE_TAGS = [
  'SubSecDateTimeOriginal',
  'DateTimeOriginal',
  'SubSecCreateDate',
  'CreateDate',
  'DateTimeCreated',
  'DigitalCreationDateTime',
  'DateCreated',
  'CreationDate',
  'MediaCreateDate',
  'TrackCreateDate',
  'GPSDateTime',
] as const;

export const VIDEO_CAPTURE_DATE_TAGS: readonly string[] = [
  'SubSecDateTimeOriginal',
  'DateTimeOriginal',
  'CreationDate',
  ...CAPTURE_DATE_TAGS.filter(
    (tag) => !['SubSecDateTimeOriginal', 'DateTimeOriginal', 'CreationDate'].includes(tag),
  ),
];

export interface ClientTimes {
  fileCreatedAt: string | null;
  fileModifiedAt: string | null;
  uploadedAt: string;
}

export function chooseCaptureTime(
  dates: Partial<Record<string, FileDate>>,
  client: ClientTimes,
  order: readonly string[] = CAPTURE_DATE_TAGS,
): CaptureTime {
  for (const tag of order) {
    const date = dates[tag];
    if (!date || !isValidLocal(date.local)) continue;
    const written =
      date.offsetMinutes !== null && !date.offsetInferred
        ? date
        : writtenOffsetFor(date.local, dates);
    return {
      local: date.local,
      offsetMinutes: written?.offsetMinutes ?? date.offsetMinutes,
      source: tag,
    };
  }
  return captureTimeFromClient(client);
}

function writtenOffsetFor(
  local: string,
  dates: Partial<Record<string, FileDate>>,
): FileDate | undefined {
  const second = local.slice(0, 19);
  return CAPTURE_DATE_TAGS.map((tag) => dates[tag]).find(
    (d) => d && d.offsetMinutes !== null && !d.offsetInferred && d.local.slice(0, 19) === second,
  );
}

/** The capture time before the file has been read: the client's dates, or the upload time. */
export function captureTimeFromClient(client: ClientTimes): CaptureTime {
  for (const [source, iso] of [
    ['fileCreatedAt', client.fileCreatedAt],
    ['fileModifiedAt', client.fileModifiedAt],
    ['uploadedAt', client.uploadedAt],
  ] as const) {
    const parsed = iso ? fromIsoInstant(iso) : undefined;
    if (parsed && isValidLocal(parsed.local)) return { ...parsed, source };
  }
  throw new Error('uploadedAt must be a valid ISO 8601 instant');
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})$/;
const FIRST_PHOTOGRAPH_YEAR = 1826;

export function isValidLocal(local: string): boolean {
  const m = LOCAL_PATTERN.exec(local);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[];
  if (year! < FIRST_PHOTOGRAPH_YEAR || year! > 9999) return false;
  const asUtc = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute!, second!));
  return (
    asUtc.getUTCFullYear() === year &&
    asUtc.getUTCMonth() === month! - 1 &&
    asUtc.getUTCDate() === day &&
    asUtc.getUTCHours() === hour
  );
}

const ISO_WITH_ZONE =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads an ISO 8601 timestamp as sent by a client. With an offset it keeps the wall-clock time
 * at that offset; `Z` counts as offset zero; without any zone the offset is unknown.
 */
export function fromIsoInstant(iso: string): FileDate | undefined {
  const m = ISO_WITH_ZONE.exec(iso.trim());
  if (!m) return undefined;
  const local = normalizeLocal(m[1]!);
  const zone = m[2];
  if (!zone) return { local, offsetMinutes: null };
  if (zone.toUpperCase() === 'Z') return { local, offsetMinutes: 0 };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return {
    local,
    offsetMinutes: sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))),
  };
}

/** Pads `YYYY-MM-DDTHH:mm[:ss[.fff…]]` to `YYYY-MM-DDTHH:mm:ss.sss`. */
export function normalizeLocal(value: string): string {
  const [date, time = '00:00'] = value.split('T') as [string, string?];
  const [hm, fraction = ''] = time.split('.');
  const withSeconds = hm!.length === 5 ? `${hm}:00` : hm!;
  return `${date}T${withSeconds}.${fraction.padEnd(3, '0').slice(0, 3)}`;
}

/** ISO 8601 with the offset when known (`2020-02-18T08:56:22.570-07:00`), else floating local time. */
export function formatCaptureTime(time: Pick<CaptureTime, 'local' | 'offsetMinutes'>): string {
  if (time.offsetMinutes === null) return time.local;
  const sign = time.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(time.offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${time.local}${sign}${hh}:${mm}`;
}

/** The timeline bucket (`YYYY-MM`) a capture time falls in. */
export const monthOf = (time: Pick<CaptureTime, 'local'>): string => time.local.slice(0, 7);
