import { Type } from '@sinclair/typebox';
import type { Asset } from '../../core/assets/asset.js';
import { formatCaptureTime } from '../../core/media/capture-time.js';
import { playbackViewOf } from '../../core/media/playback-rules.js';
import type { SharedLink } from '../../core/shared-links/shared-link.js';
import { PlaceDto } from '../assets/place-dto.js';
import { PlaybackDto } from '../assets/playback-dto.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

/** A link as its owner sees it, with its page to copy again. */
export const SharedLinkDto = Type.Object(
  {
    id: Type.String(),
    albumId: NullableString,
    albumName: NullableString,
    expiresAt: NullableString,
    hasPassword: Type.Boolean(),
    allowDownload: Type.Boolean(),
    allowUpload: Type.Boolean(),
    hideLocation: Type.Boolean(),
    createdAt: Type.String(),
    revokedAt: NullableString,
    assetCount: Type.Integer(),
    url: Type.Union([Type.String(), Type.Null()], {
      description:
        'The public page, `/s/{key}`, to copy again; null once revoked, and for a link made ' +
        'before keys were kept (or under another server secret), whose key cannot be recovered',
    }),
  },
  { $id: 'SharedLink' },
);

export const toSharedLinkDto = (link: SharedLink, key: string | null) => ({
  id: link.id,
  albumId: link.albumId,
  albumName: link.albumName,
  expiresAt: link.expiresAt,
  hasPassword: link.hasPassword,
  allowDownload: link.allowDownload,
  allowUpload: link.allowUpload,
  hideLocation: link.hideLocation,
  createdAt: link.createdAt,
  revokedAt: link.revokedAt,
  assetCount: link.assetCount,
  url: key === null ? null : `/s/${key}`,
});

/** What a guest may know of the link itself. */
export const GuestLinkDto = Type.Object({
  albumName: NullableString,
  expiresAt: NullableString,
  allowDownload: Type.Boolean(),
  allowUpload: Type.Boolean(),
  hideLocation: Type.Boolean(),
});

export const toGuestLinkDto = (link: SharedLink) => ({
  albumName: link.albumName,
  expiresAt: link.expiresAt,
  allowDownload: link.allowDownload,
  allowUpload: link.allowUpload,
  hideLocation: link.hideLocation,
});

/**
 * An asset as a guest sees it: what shows the photo, nothing about its owner, their devices, the
 * library's flags or the file's checksum; no position when the link hides locations.
 */
export const SharedAssetDto = Type.Object({
  id: Type.String(),
  type: Type.Union([Type.Literal('image'), Type.Literal('video')]),
  originalFileName: Type.String(),
  mimeType: Type.String(),
  width: NullableNumber,
  height: NullableNumber,
  takenAt: Type.String({ description: 'ISO 8601 local capture time' }),
  duration: Type.Union([Type.Number({ description: 'seconds' }), Type.Null()]),
  thumbhash: NullableString,
  thumbnailVersion: NullableString,
  latitude: NullableNumber,
  longitude: NullableNumber,
  place: PlaceDto,
  playback: Type.Union([PlaybackDto, Type.Null()]),
});

export function toSharedAssetDto(asset: Asset, hideLocation: boolean) {
  return {
    id: asset.id,
    type: asset.type,
    originalFileName: asset.originalFileName,
    mimeType: asset.mimeType,
    width: asset.width,
    height: asset.height,
    takenAt: formatCaptureTime(asset.takenAt),
    duration: asset.durationMs === null ? null : asset.durationMs / 1000,
    thumbhash: asset.thumbhash,
    thumbnailVersion: asset.renditions?.version ?? null,
    latitude: hideLocation ? null : asset.latitude,
    longitude: hideLocation ? null : asset.longitude,
    place: hideLocation ? null : asset.place,
    playback: playbackViewOf(asset),
  };
}
