import type { Place } from '../places/place-resolver.js';

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
  videoCodec: string | null;
  audioCodec: string | null;
  frameRate: number | null;
  /** How a video plays in a browser; null for a still. */
  playback: Playback | null;
  /** Apple's content identifier, shared by a Live Photo's still and its video. */
  contentId: string | null;
  /** Shared by the frames of one burst, so a later feature can stack them. */
  burstId: string | null;
  /** On a Live Photo's (or motion photo's) still: the asset that holds its motion part. */
  livePhotoVideoId: string | null;
  /** A motion part: kept and played through its still, but listed nowhere on its own. */
  isHidden: boolean;
  /** The XMP sidecar uploaded with the photo, stored beside the original. */
  sidecarKey: string | null;
  description: string | null;
  /** 0 to 5 stars (-1: rejected), as XMP defines it. */
  rating: number | null;
  keywords: string[];
  /** The town at the GPS position, named offline; null without a position or far from any town. */
  place: Place | null;
  /** Described values the owner changed by hand; reading the file again keeps them. */
  editedFields: EditedField[];
}

/** See: [Note: Metadata edits] in core/assets/metadata-edits.ts. */
export type EditedField = 'takenAt' | 'location' | 'description' | 'rating';

export type PlaybackStatus = 'pending' | 'original' | 'encoded' | 'failed';

export interface Playback {
  /** `original`: the original plays as it is; `encoded`: `encodedKey` holds a playable copy. */
  status: PlaybackStatus;
  encodedKey: string | null;
  /** The HLS master playlist; its variant playlists and segments lie beside it. */
  hlsKey: string | null;
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
  | 'videoCodec'
  | 'audioCodec'
  | 'frameRate'
  | 'contentId'
  | 'burstId'
  | 'description'
  | 'rating'
  | 'keywords'
  | 'place'
>;

export const originalKeyFor = (checksum: string): string =>
  `originals/${checksum.slice(0, 2)}/${checksum.slice(2, 4)}/${checksum}`;

/** Everything made from one asset (thumbnail, preview, playable video, HLS) lies under this. */
export const renditionsPrefixFor = (assetId: string): string =>
  `renditions/${assetId.slice(0, 2)}/${assetId}/`;

export const renditionKeyFor = (assetId: string, size: RenditionSize, ext: string): string =>
  `${renditionsPrefixFor(assetId)}${size}.${ext}`;

export type RenditionSize = 'thumbnail' | 'preview';
