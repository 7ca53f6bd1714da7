import { Type } from '@sinclair/typebox';
import type { AlbumView } from '../../core/albums/album.js';

const SortOrder = Type.Union([Type.Literal('newest-first'), Type.Literal('oldest-first')]);
const DateOrNull = Type.Union([
  Type.String({ description: 'YYYY-MM-DD, the local day where the photo was taken' }),
  Type.Null(),
]);

export const AlbumDto = Type.Object(
  {
    id: Type.String(),
    ownerId: Type.String(),
    owner: Type.Object({ id: Type.String(), name: Type.String() }),
    role: Type.Union([Type.Literal('owner'), Type.Literal('editor'), Type.Literal('viewer')], {
      description:
        'What I am to the album: its owner; an editor (adds own photos, removes what they added); a viewer',
    }),
    name: Type.String(),
    description: Type.String(),
    sortOrder: SortOrder,
    coverAssetId: Type.Union([Type.String(), Type.Null()], {
      description: 'The chosen cover; null: the newest photo is the cover',
    }),
    cover: Type.Union([
      Type.Object({
        id: Type.String(),
        thumbnailVersion: Type.Union([Type.String(), Type.Null()]),
      }),
      Type.Null(),
    ]),
    assetCount: Type.Integer({ description: 'Photos shown: trashed ones are not counted' }),
    startDate: DateOrNull,
    endDate: DateOrNull,
    createdAt: Type.String(),
    updatedAt: Type.String(),
  },
  { $id: 'Album' },
);

export const AlbumChangesBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    coverAssetId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    sortOrder: Type.Optional(SortOrder),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const AssetIdsBody = Type.Object({
  ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 10_000 }),
});

export const toAlbumDto = (album: AlbumView) => ({
  id: album.id,
  ownerId: album.ownerId,
  owner: { id: album.ownerId, name: album.ownerName },
  role: album.role,
  name: album.name,
  description: album.description,
  sortOrder: album.sortOrder,
  coverAssetId: album.coverAssetId,
  cover: album.cover,
  assetCount: album.assetCount,
  startDate: album.startLocal?.slice(0, 10) ?? null,
  endDate: album.endLocal?.slice(0, 10) ?? null,
  createdAt: album.createdAt,
  updatedAt: album.updatedAt,
});
