import type { Insertable, Selectable } from 'kysely';
import type {
  Asset,
  AssetStatus,
  AssetType,
  NewAsset,
  PlaybackStatus,
} from '../../../core/assets/asset.js';
import { monthOf } from '../../../core/media/capture-time.js';
import type { Place } from '../../../core/places/place-resolver.js';
import type { AssetsTable } from '../schema.js';

export function toAsset(row: Selectable<AssetsTable>): Asset {
  return {
    id: row.id,
    ownerId: row.owner_id,
    type: row.type as AssetType,
    originalFileName: row.original_file_name,
    mimeType: row.mime_type,
    fileSize: Number(row.file_size),
    checksum: row.checksum,
    originalKey: row.original_key,
    deviceId: row.device_id,
    deviceAssetId: row.device_asset_id,
    fileCreatedAt: row.file_created_at,
    fileModifiedAt: row.file_modified_at,
    uploadedAt: row.uploaded_at,
    takenAt: {
      local: row.taken_local,
      offsetMinutes: row.taken_offset_minutes,
      source: row.taken_source,
    },
    width: row.width,
    height: row.height,
    latitude: row.latitude,
    longitude: row.longitude,
    make: row.make,
    model: row.model,
    lensModel: row.lens_model,
    fNumber: row.f_number,
    exposureTime: row.exposure_time,
    iso: row.iso,
    focalLength: row.focal_length,
    durationMs: row.duration_ms,
    thumbhash: row.thumbhash,
    renditions:
      row.thumbnail_key && row.preview_key && row.renditions_version
        ? {
            thumbnailKey: row.thumbnail_key,
            previewKey: row.preview_key,
            version: row.renditions_version,
          }
        : null,
    isFavorite: row.is_favorite === 1,
    isArchived: row.is_archived === 1,
    trashedAt: row.trashed_at,
    status: row.status as AssetStatus,
    error: row.error,
    videoCodec: row.video_codec,
    audioCodec: row.audio_codec,
    frameRate: row.frame_rate,
    playback: row.playback_status
      ? {
          status: row.playback_status as PlaybackStatus,
          encodedKey: row.playback_key,
          hlsKey: row.hls_key,
          error: row.playback_error,
        }
      : null,
    contentId: row.content_id,
    burstId: row.burst_id,
    livePhotoVideoId: row.live_photo_video_id,
    isHidden: row.is_hidden === 1,
    sidecarKey: row.sidecar_key,
    description: row.description,
    rating: row.rating,
    keywords: row.keywords ? (JSON.parse(row.keywords) as string[]) : [],
    place: placeFromColumn(row.place),
  };
}

export function toNewAssetRow(asset: NewAsset): Insertable<AssetsTable> {
  return {
    id: asset.id,
    owner_id: asset.ownerId,
    type: asset.type,
    original_file_name: asset.originalFileName,
    mime_type: asset.mimeType,
    file_size: asset.fileSize,
    checksum: asset.checksum,
    original_key: asset.originalKey,
    device_id: asset.deviceId,
    device_asset_id: asset.deviceAssetId,
    file_created_at: asset.fileCreatedAt,
    file_modified_at: asset.fileModifiedAt,
    uploaded_at: asset.uploadedAt,
    taken_local: asset.takenAt.local,
    taken_offset_minutes: asset.takenAt.offsetMinutes,
    taken_source: asset.takenAt.source,
    month: monthOf(asset.takenAt),
    width: null,
    height: null,
    latitude: null,
    longitude: null,
    make: null,
    model: null,
    lens_model: null,
    f_number: null,
    exposure_time: null,
    iso: null,
    focal_length: null,
    duration_ms: null,
    thumbhash: null,
    thumbnail_key: null,
    preview_key: null,
    renditions_version: null,
    trashed_at: null,
    error: null,
    updated_at: asset.uploadedAt,
    video_codec: null,
    audio_codec: null,
    frame_rate: null,
    playback_status: null,
    playback_key: null,
    hls_key: null,
    playback_error: null,
    content_id: null,
    burst_id: null,
    live_photo_video_id: null,
    sidecar_key: null,
    description: null,
    rating: null,
    keywords: null,
    place: null,
  };
}

export const placeFromColumn = (place: string | null): Place | null =>
  place ? (JSON.parse(place) as Place) : null;
