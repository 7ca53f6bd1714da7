/** Reads what a media file says about itself. */
export interface MetadataReader {
  /** Never throws for a file it cannot parse: it returns what it could read plus `warnings`. */
  read(path: string): Promise<FileMetadata>;
}

/** A date tag as written in the file, with the UTC offset when the file tells it. */
export interface FileDate {
  /** `YYYY-MM-DDTHH:mm:ss.sss` wall-clock time. */
  local: string;
  offsetMinutes: number | null;
  /** True when the offset was worked out (from the GPS position, say) rather than written. */
  offsetInferred?: boolean;
}

export interface FileMetadata {
  mimeType: string | null;
  /** Date tags by name (`DateTimeOriginal`, `CreateDate`, ...); invalid dates are left out. */
  dates: Partial<Record<string, FileDate>>;
  /** Pixel size as stored, before orientation. */
  width: number | null;
  height: number | null;
  /** EXIF orientation 1-8. */
  orientation: number | null;
  latitude: number | null;
  longitude: number | null;
  make: string | null;
  model: string | null;
  lensModel: string | null;
  fNumber: number | null;
  exposureTime: number | null;
  iso: number | null;
  focalLength: number | null;
  durationMs: number | null;
  /** Apple's content identifier: a Live Photo's still and video carry the same one. */
  contentId: string | null;
  /** Shared by the frames of one burst (Apple's BurstUUID, Google's BurstID). */
  burstId: string | null;
  /** The file says it carries a video inside (a Google or Samsung motion photo). */
  embedsVideo: boolean;
  /** See: [Note: Description, rating and keywords] in core/media/descriptive-metadata.ts. */
  description: string | null;
  rating: number | null;
  keywords: string[];
  warnings: string[];
}
