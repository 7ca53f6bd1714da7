import { Type } from '@sinclair/typebox';
import type { AlbumActivity } from '../../core/albums/album-activity.js';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';

const ActivityDto = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('comment'), Type.Literal('like')]),
  user: Type.Object({ id: Type.String(), name: Type.String() }),
  assetId: Type.Union([Type.String(), Type.Null()], {
    description: 'The photo it is about; null: the album',
  }),
  text: Type.Union([Type.String(), Type.Null()], { description: 'A comment’s text' }),
  createdAt: Type.String(),
});

const toActivityDto = (a: AlbumActivity) => ({
  id: a.id,
  kind: a.kind,
  user: a.user,
  assetId: a.assetId,
  text: a.text,
  createdAt: a.createdAt,
});

const LikeBody = Type.Object(
  {
    assetId: Type.Optional(
      Type.String({ format: 'uuid', description: 'A photo of the album; left out: the album' }),
    ),
  },
  { additionalProperties: false },
);

// Comments and likes of any member, viewers too. See: [Note: Album access].
export const albumActivityRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);
  const { albumActivity } = keepsake;
  const tags = ['albums'];

  app.get(
    '/api/albums/:id/activity',
    {
      schema: {
        tags,
        summary: 'Comments and likes of an album, newest first, in pages',
        params: IdParams,
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
          cursor: Type.Optional(Type.String({ description: 'nextCursor from the previous page' })),
          assetId: Type.Optional(
            Type.String({
              format: 'uuid',
              description: 'Only the comments and likes about this photo of the album',
            }),
          ),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(ActivityDto),
            nextCursor: Type.Union([Type.String(), Type.Null()]),
          }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) => {
      const { limit, cursor, assetId } = request.query;
      const page = await albumActivity.list(
        principalOf(request).userId,
        request.params.id,
        limit,
        cursor,
        assetId,
      );
      return { items: page.items.map(toActivityDto), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/albums/:id/activity',
    {
      schema: {
        tags,
        summary: 'Comment on an album, or on one of its photos',
        params: IdParams,
        body: Type.Object(
          {
            comment: Type.String({ minLength: 1, maxLength: 2000 }),
            assetId: Type.Optional(Type.String({ format: 'uuid' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: ActivityDto, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { comment, assetId } = request.body;
      const added = await albumActivity.comment(
        principalOf(request).userId,
        request.params.id,
        comment,
        assetId ?? null,
      );
      return reply.status(201).send(toActivityDto(added));
    },
  );

  app.put(
    '/api/albums/:id/activity/likes',
    {
      schema: {
        tags,
        summary: 'Like an album or one of its photos (liking twice is liking once)',
        params: IdParams,
        body: LikeBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { userId } = principalOf(request);
      await albumActivity.like(userId, request.params.id, request.body.assetId ?? null);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/albums/:id/activity/likes',
    {
      schema: {
        tags,
        summary: 'Take back my like of an album or one of its photos',
        params: IdParams,
        body: LikeBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { userId } = principalOf(request);
      await albumActivity.unlike(userId, request.params.id, request.body.assetId ?? null);
      return reply.status(204).send(null);
    },
  );
};
