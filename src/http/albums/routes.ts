import { Type, type TSchema } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';
import { TimelineAsset, toTimelineAsset } from '../timeline/routes.js';
import { AlbumChangesBody, AlbumDto, AssetIdsBody, toAlbumDto } from './album-dto.js';

const AssetResults = <T extends TSchema>(result: T) =>
  Type.Array(Type.Object({ id: Type.String(), result }));

// Every route answers 404 for an album the caller may not see. See: [Note: Album access].
export const albumRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);
  const { albums } = keepsake;
  const tags = ['albums'];

  app.post(
    '/api/albums',
    {
      schema: {
        tags,
        summary: 'Create an album',
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 200 }),
          description: Type.Optional(Type.String({ maxLength: 5000 })),
        }),
        response: { 201: Type.Ref(AlbumDto), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(toAlbumDto(await albums.create(principalOf(request).userId, request.body))),
  );

  app.get(
    '/api/albums',
    {
      schema: {
        tags,
        summary: 'My albums and those shared with me, the most recently changed first',
        response: { 200: Type.Array(Type.Ref(AlbumDto)), ...errorResponses(401) },
      },
    },
    async (request) => (await albums.list(principalOf(request).userId)).map(toAlbumDto),
  );

  app.get(
    '/api/albums/:id',
    {
      schema: {
        tags,
        summary: 'One album',
        params: IdParams,
        response: { 200: Type.Ref(AlbumDto), ...errorResponses(401, 404) },
      },
    },
    async (request) =>
      toAlbumDto(await albums.getOrFail(principalOf(request).userId, request.params.id)),
  );

  app.patch(
    '/api/albums/:id',
    {
      schema: {
        tags,
        summary: 'Rename an album, describe it, choose its cover (null: the newest) or its order',
        params: IdParams,
        body: AlbumChangesBody,
        response: { 200: Type.Ref(AlbumDto), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      toAlbumDto(await albums.update(principalOf(request).userId, request.params.id, request.body)),
  );

  app.delete(
    '/api/albums/:id',
    {
      schema: {
        tags,
        summary: 'Delete an album; its photos stay in the library',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await albums.delete(principalOf(request).userId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/api/albums/:id/assets',
    {
      schema: {
        tags,
        summary: 'Add photos to an album, answering for each id',
        description:
          '`not-allowed`: not one of my photos (or trashed); `already-there`: a member already.',
        params: IdParams,
        body: AssetIdsBody,
        response: {
          200: AssetResults(
            Type.Union([
              Type.Literal('added'),
              Type.Literal('already-there'),
              Type.Literal('not-allowed'),
            ]),
          ),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      albums.addAssets(principalOf(request).userId, request.params.id, request.body.ids),
  );

  app.delete(
    '/api/albums/:id/assets',
    {
      schema: {
        tags,
        summary: 'Take photos out of an album (they stay in the library), answering for each id',
        description:
          'The owner takes out any photo; an editor only those they added (`not-allowed` for others).',
        params: IdParams,
        body: AssetIdsBody,
        response: {
          200: AssetResults(
            Type.Union([
              Type.Literal('removed'),
              Type.Literal('not-there'),
              Type.Literal('not-allowed'),
            ]),
          ),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      albums.removeAssets(principalOf(request).userId, request.params.id, request.body.ids),
  );

  app.get(
    '/api/albums/:id/timeline/buckets',
    {
      schema: {
        tags,
        summary: 'Months of the album’s photos, in the album’s order',
        params: IdParams,
        response: {
          200: Type.Array(
            Type.Object({
              bucket: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
              count: Type.Integer(),
            }),
          ),
          ...errorResponses(401, 404),
        },
      },
    },
    async (request) => albums.buckets(principalOf(request).userId, request.params.id),
  );

  app.get(
    '/api/albums/:id/timeline/buckets/:bucket',
    {
      schema: {
        tags,
        summary: 'One month of the album’s photos, in the album’s order, in pages',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          bucket: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
        }),
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 5000, default: 1000 }),
          cursor: Type.Optional(Type.String({ description: 'nextCursor from the previous page' })),
        }),
        response: {
          200: Type.Object({
            bucket: Type.String(),
            assets: Type.Array(TimelineAsset),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) => {
      const { id, bucket } = request.params;
      const page = await albums.bucket(
        principalOf(request).userId,
        id,
        bucket,
        request.query.limit,
        request.query.cursor,
      );
      return {
        bucket: page.bucket,
        assets: page.items.map(toTimelineAsset),
        nextCursor: page.nextCursor,
      };
    },
  );
};
