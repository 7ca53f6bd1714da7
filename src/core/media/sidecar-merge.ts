import type { CaptureTime } from '../assets/asset.js';
import { isValidLocal } from './capture-time.js';
import type { FileDate, FileMetadata } from './metadata-reader.js';

/*
 * [Note: XMP sidecars]
 * A sidecar (`IMG_0001.xmp` or `IMG_0001.jpg.xmp`) is what an editor such as Lightroom or digiKam
 * wrote about a photo after it was taken, so where it says something it is the newer word and
 * wins; where it is silent the photo's own value stays. It may set:
 *
 *   - the capture time: XMP-exif DateTimeOriginal, then XMP-photoshop DateCreated, then
 *     XMP-xmp CreateDate, ahead of every date in the file ([Note: Capture time] otherwise applies
 *     unchanged). The offset is the one the sidecar writes; without one, the photo's own offset
 *     when its date names the same second (the sidecar restates the time, the file says where);
 *     else the one worked out from the sidecar's GPS position; else unknown. The source reads
 *     `XMP sidecar DateTimeOriginal` (and so on);
 *   - the GPS position, as a pair;
 *   - description, rating and keywords ([Note: Description, rating and keywords]). Its keywords
 *     replace the file's rather than adding to them: a keyword removed in the editor is gone.
 *
 * The original is never rewritten: the sidecar is stored beside it and read again, with the
 * original, whenever the metadata step runs.
 */
export const SIDECAR_DATE_TAGS = ['DateTimeOriginal', 'DateCreated', 'CreateDate'] as const;

/** What the metadata step decides that a sidecar may override. */
export interface DescribedAsset {
  takenAt: CaptureTime;
  latitude: number | null;
  longitude: number | null;
  description: string | null;
  rating: number | null;
  keywords: string[];
}

export type SidecarValues = Pick<
  FileMetadata,
  'dates' | 'latitude' | 'longitude' | 'description' | 'rating' | 'keywords'
>;

export function applySidecar(embedded: DescribedAsset, sidecar: SidecarValues): DescribedAsset {
  const hasPosition = sidecar.latitude !== null && sidecar.longitude !== null;
  return {
    takenAt: sidecarCaptureTime(sidecar.dates, embedded.takenAt) ?? embedded.takenAt,
    latitude: hasPosition ? sidecar.latitude : embedded.latitude,
    longitude: hasPosition ? sidecar.longitude : embedded.longitude,
    description: sidecar.description ?? embedded.description,
    rating: sidecar.rating ?? embedded.rating,
    keywords: sidecar.keywords.length > 0 ? sidecar.keywords : embedded.keywords,
  };
}

function sidecarCaptureTime(
  dates: Partial<Record<string, FileDate>>,
  embedded: CaptureTime,
): CaptureTime | undefined {
  for (const tag of SIDECAR_DATE_TAGS) {
    const date = dates[tag];
    if (!date || !isValidLocal(date.local)) continue;
    return {
      local: date.local,
      offsetMinutes: offsetFor(date, embedded),
      source: `XMP sidecar ${tag}`,
    };
  }
  return undefined;
}

function offsetFor(date: FileDate, embedded: CaptureTime): number | null {
  if (date.offsetMinutes !== null && !date.offsetInferred) return date.offsetMinutes;
  const sameSecond = embedded.local.slice(0, 19) === date.local.slice(0, 19);
  if (sameSecond && embedded.offsetMinutes !== null) return embedded.offsetMinutes;
  return date.offsetMinutes;
}
