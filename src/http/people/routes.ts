import { Type } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';
import { IMMUTABLE, markAsUploadedBytes } from '../assets/send-blob.js';
import {
  TimelineBucketPage,
  TimelineBucketQuery,
  TimelineBuckets,
  toTimelineBucketPage,
} from '../timeline/routes.js';
import { PersonDto, toPersonDto } from './person-dto.js';

// Someone else's person answers 404, partners and album members included. See: [Note: People are the owner's].
export const peopleRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);
  const { people } = keepsake;
  const tags = ['people'];

  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'My people: named first, then by how many photos they are in',
        querystring: Type.Object({ withHidden: Type.Boolean({ default: false }) }),
        response: { 200: Type.Array(PersonDto), ...errorResponses(400, 401) },
      },
    },
    async (request) =>
      (await people.list(principalOf(request).userId, request.query.withHidden)).map(toPersonDto),
  );

  app.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'One person',
        params: IdParams,
        response: { 200: PersonDto, ...errorResponses(401, 404) },
      },
    },
    async (request) =>
      toPersonDto(await people.getOrFail(principalOf(request).userId, request.params.id)),
  );

  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Name, hide, give a birth date or choose the face a person is shown by',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ maxLength: 200, description: '"" unnames' })),
            hidden: Type.Optional(Type.Boolean()),
            birthDate: Type.Optional(
              Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()]),
            ),
            featureFaceId: Type.Optional(
              Type.Union([Type.String({ format: 'uuid' }), Type.Null()], {
                description: 'One of the person’s faces; null: the best-scored one',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: PersonDto, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      toPersonDto(
        await people.update(principalOf(request).userId, request.params.id, request.body),
      ),
  );

  app.post(
    '/api/people/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge people into this one: their faces become its faces, and they are gone',
        params: IdParams,
        body: Type.Object({
          ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 1000 }),
        }),
        response: { 200: PersonDto, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      toPersonDto(
        await people.merge(principalOf(request).userId, request.params.id, request.body.ids),
      ),
  );

  app.get(
    '/api/people/:id/thumbnail',
    {
      schema: {
        tags,
        summary: 'The face a person is shown by: a square JPEG, 256 px',
        description:
          'With `v` equal to the face id in the person’s thumbnailUrl the answer may be cached forever.',
        params: IdParams,
        querystring: Type.Object({ v: Type.Optional(Type.String()) }),
        binaryResponse: { description: 'The face, cropped', contentTypes: ['image/jpeg'] },
        response: { ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const thumbnail = await people.thumbnail(principalOf(request).userId, request.params.id);
      const etag = `"${thumbnail.faceId}"`;
      markAsUploadedBytes(reply)
        .header('ETag', etag)
        .header(
          'Cache-Control',
          request.query.v === thumbnail.faceId ? IMMUTABLE : 'private, no-cache',
        );
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply
        .type('image/jpeg')
        .header('Content-Length', thumbnail.size)
        .send(await thumbnail.open());
    },
  );

  app.get(
    '/api/people/:id/timeline/buckets',
    {
      schema: {
        tags,
        summary: 'Months with photos of the person, newest first (as the library’s timeline)',
        params: IdParams,
        response: { 200: TimelineBuckets, ...errorResponses(401, 404) },
      },
    },
    async (request) => people.buckets(principalOf(request).userId, request.params.id),
  );

  app.get(
    '/api/people/:id/timeline/buckets/:bucket',
    {
      schema: {
        tags,
        summary: 'One month of the person’s photos, newest first, in pages',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          bucket: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
        }),
        querystring: TimelineBucketQuery,
        response: { 200: TimelineBucketPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      toTimelineBucketPage(
        await people.bucket(
          principalOf(request).userId,
          request.params.id,
          request.params.bucket,
          request.query.limit,
          request.query.cursor,
        ),
      ),
  );
};
