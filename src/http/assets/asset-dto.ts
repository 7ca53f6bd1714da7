import { Type } from '@sinclair/typebox';
import type { Asset } from '../../core/assets/asset.js';
import { formatCaptureTime } from '../../core/media/capture-time.js';
import { playbackViewOf } from '../../core/media/playback-rules.js';
import { PlaceDto } from './place-dto.js';
import { PlaybackDto } from './playback-dto.js';
import { TagDto } from '../tags/tag-dto.js';
import { reasonForPeople } from '../../core/jobs/failure-reasons.js';

const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const AssetDto = Type.Object(
  {
    id: Type.String(),
    ownerId: Type.String({
      description: 'Whose it is: mine, or shown to me through a shared album or a partner',
    }),
    type: Type.Union([Type.Literal('image'), Type.Literal('video')]),
    originalFileName: Type.String(),
    mimeType: Type.String(),
    fileSize: Type.Integer(),
    checksum: Type.String({ description: 'SHA-256 of the original, hex' }),
    width: NullableNumber,
    height: NullableNumber,
    takenAt: Type.String({
      description: 'ISO 8601 local capture time, with its UTC offset when known (else without one)',
    }),
    takenAtSource: Type.String({
      description: 'Where the capture time came from, e.g. DateTimeOriginal',
    }),
    latitude: NullableNumber,
    longitude: NullableNumber,
    make: NullableString,
    model: NullableString,
    lensModel: NullableString,
    fNumber: NullableNumber,
    exposureTime: Type.Union([Type.Number({ description: 'seconds' }), Type.Null()]),
    iso: NullableNumber,
    focalLength: Type.Union([Type.Number({ description: 'millimetres' }), Type.Null()]),
    duration: Type.Union([Type.Number({ description: 'seconds' }), Type.Null()]),
    thumbhash: NullableString,
    thumbnailVersion: Type.Union([
      Type.String({ description: 'Changes with the renditions; pass as `v`' }),
      Type.Null(),
    ]),
    isFavorite: Type.Boolean(),
    isArchived: Type.Boolean(),
    isTrashed: Type.Boolean(),
    status: Type.Union([Type.Literal('processing'), Type.Literal('ready'), Type.Literal('failed')]),
    error: NullableString,
    fileCreatedAt: NullableString,
    fileModifiedAt: NullableString,
    uploadedAt: Type.String(),
    deviceId: NullableString,
    deviceAssetId: NullableString,
    videoCodec: NullableString,
    audioCodec: NullableString,
    frameRate: Type.Union([Type.Number({ description: 'frames per second' }), Type.Null()]),
    livePhotoVideoId: Type.Union([
      Type.String({
        description: "The asset holding this still's motion part (Live or motion photo)",
      }),
      Type.Null(),
    ]),
    burstId: Type.Union([
      Type.String({ description: 'Shared by the frames of one burst' }),
      Type.Null(),
    ]),
    isHidden: Type.Boolean({
      description:
        "A still's motion part: fetched through its id, but listed nowhere (not in the timeline)",
    }),
    description: NullableString,
    rating: Type.Union([Type.Integer({ minimum: -1, maximum: 5 }), Type.Null()]),
    keywords: Type.Array(Type.String()),
    place: PlaceDto,
    playback: Type.Union([PlaybackDto, Type.Null()], {
      description: 'How a video plays in a browser (GET /api/assets/{id}/video); null for a still',
    }),
    tags: Type.Optional(
      Type.Array(TagDto, {
        description:
          'Things found in it, most confident first; on GET /api/assets/{id} only, and only ' +
          'for the owner (empty for anyone else)',
      }),
    ),
  },
  { $id: 'Asset' },
);

export function toAssetDto(asset: Asset) {
  return {
    id: asset.id,
    ownerId: asset.ownerId,
    type: asset.type,
    originalFileName: asset.originalFileName,
    mimeType: asset.mimeType,
    fileSize: asset.fileSize,
    checksum: asset.checksum,
    width: asset.width,
    height: asset.height,
    takenAt: formatCaptureTime(asset.takenAt),
    takenAtSource: asset.takenAt.source,
    latitude: asset.latitude,
    longitude: asset.longitude,
    make: asset.make,
    model: asset.model,
    lensModel: asset.lensModel,
    fNumber: asset.fNumber,
    exposureTime: asset.exposureTime,
    iso: asset.iso,
    focalLength: asset.focalLength,
    duration: asset.durationMs === null ? null : asset.durationMs / 1000,
    thumbhash: asset.thumbhash,
    thumbnailVersion: asset.renditions?.version ?? null,
    isFavorite: asset.isFavorite,
    isArchived: asset.isArchived,
    isTrashed: asset.trashedAt !== null,
    status: asset.status,
    error: asset.error && reasonForPeople(asset.error),
    fileCreatedAt: asset.fileCreatedAt,
    fileModifiedAt: asset.fileModifiedAt,
    uploadedAt: asset.uploadedAt,
    deviceId: asset.deviceId,
    deviceAssetId: asset.deviceAssetId,
    videoCodec: asset.videoCodec,
    audioCodec: asset.audioCodec,
    frameRate: asset.frameRate,
    livePhotoVideoId: asset.livePhotoVideoId,
    burstId: asset.burstId,
    isHidden: asset.isHidden,
    description: asset.description,
    rating: asset.rating,
    keywords: asset.keywords,
    place: asset.place,
    playback: playbackViewOf(asset),
  };
}
