import { Type } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';

const tags = ['duplicates'];

const GroupParams = Type.Object({
  id: Type.String({
    pattern: '^[0-9a-f]{32}$',
    description: 'A group id from GET /api/duplicates',
  }),
});

const DuplicateGroupDto = Type.Object({
  id: Type.String({ description: 'The same while the group has the same members' }),
  assetIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 2 }),
  keeperId: Type.String({ format: 'uuid', description: 'The suggested photo to keep' }),
  assets: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      originalFileName: Type.String(),
      width: Type.Union([Type.Integer(), Type.Null()]),
      height: Type.Union([Type.Integer(), Type.Null()]),
      fileSize: Type.Integer(),
      sharpness: Type.Number({ description: 'Higher is sharper; compare within a group only' }),
      thumbnailVersion: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const duplicateRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/api/duplicates',
    {
      schema: {
        tags,
        summary: 'My near-duplicate photos, in groups, each with a suggested keeper',
        description:
          'Copies of one photo (resized, recompressed, re-saved, cropped by a few per cent) and ' +
          'consecutive burst frames, found by the `duplicates` vision step. Worked out on each ' +
          'request: trashed photos and groups kept whole (`dismiss`) are left out. The keeper is ' +
          'the largest, then the clearly sharper, then the one with more metadata, then the ' +
          'first uploaded.',
        response: { 200: Type.Array(DuplicateGroupDto), ...errorResponses(401) },
      },
    },
    async (request) => {
      const groups = await keepsake.duplicates.list(principalOf(request).userId);
      return groups.map((g) => ({
        id: g.id,
        assetIds: g.assetIds,
        keeperId: g.keeperId,
        assets: g.assets.map((a) => ({
          id: a.id,
          originalFileName: a.originalFileName,
          width: a.width,
          height: a.height,
          fileSize: a.fileSize,
          sharpness: a.sharpness,
          thumbnailVersion: a.thumbnailVersion,
        })),
      }));
    },
  );

  app.post(
    '/api/duplicates/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Keep these photos of a group and move the others to the trash',
        params: GroupParams,
        body: Type.Object({
          keepIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 1000 }),
        }),
        response: {
          200: Type.Object({ trashedIds: Type.Array(Type.String({ format: 'uuid' })) }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) =>
      keepsake.duplicates.resolve(
        principalOf(request).userId,
        request.params.id,
        request.body.keepIds,
      ),
  );

  app.post(
    '/api/duplicates/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Keep every photo of a group and stop suggesting it',
        description: 'The group comes back only if another copy joins it.',
        params: GroupParams,
        response: { 204: Type.Null(), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await keepsake.duplicates.dismiss(principalOf(request).userId, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
