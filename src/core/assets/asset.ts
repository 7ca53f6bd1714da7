export type AssetType = 'image' | 'video';
export type AssetStatus = 'processing' | 'ready' | 'failed';

/**
 * A capture time as the camera saw it: the wall-clock time where the photo was taken and, when
 * known, its offset from UTC. See: [Note: Capture time] in core/media/capture-time.ts.
 */
export interface CaptureTime {
  /** `YYYY-MM-DDTHH:mm:ss.sss`, the local wall-clock time. */
  local: string;
  /** Minutes east of UTC, or null when the file does not say. */
  offsetMinutes: number | null;
  /** Which source gave it (`DateTimeOriginal`, `fileCreatedAt`, ...). */
  source: string;
}

export interface Asset {
  id: string;
  ownerId: string;
  type: AssetType;
  originalFileName: string;
  mimeType: string;
  fileSize: number;
  checksum: string;
  originalKey: string;
  deviceId: string | null;
  deviceAssetId: string | null;
  fileCreatedAt: string | null;
  fileModifiedAt: string | null;
  uploadedAt: string;
  takenAt: CaptureTime;
  width: number | null;
  height: number | null;
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
  thumbhash: string | null;
  renditions: Renditions | null;
  isFavorite: boolean;
  isArchived: boolean;
  trashedAt: string | null;
  status: AssetStatus;
  error: string | null;
}

export interface Renditions {
  thumbnailKey: string;
  previewKey: string;
  /** Changes whenever the renditions do; URLs that name it may be cached forever. */
  version: string;
}

export type NewAsset = Pick<
  Asset,
  | 'id'
  | 'ownerId'
  | 'type'
  | 'originalFileName'
  | 'mimeType'
  | 'fileSize'
  | 'checksum'
  | 'originalKey'
  | 'deviceId'
  | 'deviceAssetId'
  | 'fileCreatedAt'
  | 'fileModifiedAt'
  | 'uploadedAt'
  | 'takenAt'
>;

/** What the metadata step learns from the file. */
export type AssetMetadata = Pick<
  Asset,
  | 'takenAt'
  | 'width'
  | 'height'
  | 'latitude'
  | 'longitude'
  | 'make'
  | 'model'
  | 'lensModel'
  | 'fNumber'
  | 'exposureTime'
  | 'iso'
  | 'focalLength'
  | 'durationMs'
  | 'mimeType'
>;

export const originalKeyFor = (checksum: string): string =>
  `originals/${checksum.slice(0, 2)}/${checksum.slice(2, 4)}/${checksum}`;

export const renditionKeyFor = (assetId: string, size: RenditionSize, ext: string): string =>
  `renditions/${assetId.slice(0, 2)}/${assetId}/${size}.${ext}`;

export type RenditionSize = 'thumbnail' | 'preview';
