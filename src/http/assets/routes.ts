import { Type } from '@sinclair/typebox';
import { decodeCursor, encodeCursor } from '../../core/timeline/timeline-service.js';
import { principalOf } from '../authentication.js';
import { BINARY_RESPONSES } from '../openapi.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';
import { AssetDto, toAssetDto } from './asset-dto.js';
import { AssetPatchFields } from './metadata-edit-routes.js';
import { contentDisposition, IMMUTABLE, sendBlob } from './send-blob.js';

export const assetRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);
  const { mediaDelivery, presignedUrlSeconds } = keepsake.config;
  const redirectSeconds = mediaDelivery === 'presigned' ? presignedUrlSeconds : undefined;

  app.post(
    '/api/assets/exist',
    {
      schema: {
        tags: ['assets'],
        summary: 'Which of these checksums I already have, so a client can skip those uploads',
        body: Type.Object({
          checksums: Type.Array(Type.String({ pattern: '^[0-9a-fA-F]{64}$' }), {
            maxItems: 10_000,
          }),
        }),
        response: {
          200: Type.Object({
            existing: Type.Array(Type.Object({ checksum: Type.String(), id: Type.String() })),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => ({
      existing: await keepsake.assets.existing(principalOf(request).userId, request.body.checksums),
    }),
  );

  app.get(
    '/api/assets',
    {
      schema: {
        tags: ['assets'],
        summary: 'My assets, newest first, filtered (favorites, archive, trash)',
        querystring: Type.Object({
          isFavorite: Type.Optional(Type.Boolean()),
          isArchived: Type.Optional(Type.Boolean()),
          isTrashed: Type.Optional(Type.Boolean()),
          limit: Type.Integer({ minimum: 1, maximum: 1000, default: 200 }),
          cursor: Type.Optional(Type.String()),
        }),
        response: {
          200: Type.Object({
            assets: Type.Array(Type.Ref(AssetDto)),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => {
      const { cursor, limit, ...filters } = request.query;
      const assets = await keepsake.assets.list(principalOf(request).userId, {
        ...filters,
        after: decodeCursor(cursor),
        limit: limit + 1,
      });
      const page = assets.slice(0, limit);
      const last = page.at(-1);
      return {
        assets: page.map(toAssetDto),
        nextCursor:
          assets.length > limit && last
            ? encodeCursor({ local: last.takenAt.local, id: last.id })
            : null,
      };
    },
  );

  app.get(
    '/api/assets/:id',
    {
      schema: {
        tags: ['assets'],
        summary: 'One asset: mine, or one shared with me through an album',
        params: IdParams,
        response: { 200: Type.Ref(AssetDto), ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const { userId } = principalOf(request);
      const asset = await keepsake.assets.readableOrFail(userId, request.params.id);
      return { ...toAssetDto(asset), tags: await keepsake.tags.ofAsset(userId, asset) };
    },
  );

  app.patch(
    '/api/assets/:id',
    {
      schema: {
        tags: ['assets'],
        summary: 'Favorite or archive an asset, or edit its date, place, description or rating',
        description:
          'Edits live in the database (the original is never changed) and outlast the metadata ' +
          'step run again or a later sidecar; the asset moves to its new month, and a new ' +
          'position is named again. GET /api/assets/{id}/sidecar.xmp exports them.',
        params: IdParams,
        body: Type.Object(AssetPatchFields, { additionalProperties: false, minProperties: 1 }),
        response: { 200: Type.Ref(AssetDto), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      toAssetDto(
        await keepsake.metadataEdits.update(
          principalOf(request).userId,
          request.params.id,
          request.body,
        ),
      ),
  );

  app.delete(
    '/api/assets/:id',
    {
      schema: {
        tags: ['assets'],
        summary: 'Move an asset to the trash, or delete one already there for good',
        description:
          'With `permanently=true` the asset, which must be in the trash (409 otherwise), is ' +
          'deleted for good with its files, answering 204.',
        params: IdParams,
        querystring: Type.Object({ permanently: Type.Optional(Type.Boolean()) }),
        response: {
          200: Type.Ref(AssetDto),
          204: Type.Null(),
          ...errorResponses(400, 401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      const { userId } = principalOf(request);
      if (request.query.permanently) {
        await keepsake.purge.deleteTrashed(userId, request.params.id);
        return reply.status(204).send(null);
      }
      return toAssetDto(await keepsake.assets.trash(userId, request.params.id));
    },
  );

  app.post(
    '/api/assets/:id/restore',
    {
      schema: {
        tags: ['assets'],
        summary: 'Bring an asset back from the trash',
        params: IdParams,
        response: { 200: Type.Ref(AssetDto), ...errorResponses(401, 404) },
      },
    },
    async (request) =>
      toAssetDto(await keepsake.assets.restore(principalOf(request).userId, request.params.id)),
  );

  app.delete(
    '/api/trash',
    {
      schema: {
        tags: ['assets'],
        summary: 'Empty my trash: delete its assets for good',
        response: { 200: Type.Object({ deleted: Type.Integer() }), ...errorResponses(401) },
      },
    },
    async (request) => ({ deleted: await keepsake.purge.emptyTrash(principalOf(request).userId) }),
  );

  app.get(
    '/api/assets/:id/original',
    {
      schema: {
        tags: ['assets'],
        summary: 'The original file, byte for byte (Range and ETag supported)',
        params: IdParams,
        description:
          'With KEEPSAKE_MEDIA_DELIVERY=presigned, a 302 to a short-lived object-store URL.',
        binaryResponse: BINARY_RESPONSES.original,
        response: { ...errorResponses(401, 404, 416) },
      },
    },
    async (request, reply) => {
      const blob = await keepsake.assets.original(principalOf(request).userId, request.params.id);
      return sendBlob(request, reply, blob, {
        etag: `"${blob.asset.checksum}"`,
        contentType: blob.asset.mimeType,
        // An asset's original never changes, so its URL names its content.
        cacheControl: IMMUTABLE,
        disposition: contentDisposition('inline', blob.asset.originalFileName),
        redirectSeconds,
      });
    },
  );

  app.get(
    '/api/assets/:id/thumbnail',
    {
      schema: {
        tags: ['assets'],
        summary:
          'A rendition: `thumbnail` (WebP, short side ~250 px) or `preview` (JPEG, long side ~1440 px)',
        description:
          'With `v` equal to the asset’s thumbnailVersion the answer may be cached forever. ' +
          'With KEEPSAKE_MEDIA_DELIVERY=presigned, a 302 to a short-lived object-store URL.',
        params: IdParams,
        querystring: Type.Object({
          size: Type.Union([Type.Literal('thumbnail'), Type.Literal('preview')], {
            default: 'thumbnail',
          }),
          v: Type.Optional(Type.String()),
        }),
        binaryResponse: BINARY_RESPONSES.rendition,
        response: { ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { size, v } = request.query;
      const blob = await keepsake.assets.rendition(
        principalOf(request).userId,
        request.params.id,
        size,
      );
      return sendBlob(request, reply, blob, {
        etag: `"${blob.version}-${size}"`,
        contentType: blob.mimeType,
        cacheControl: v === blob.version ? IMMUTABLE : 'private, no-cache',
        redirectSeconds,
      });
    },
  );
};
