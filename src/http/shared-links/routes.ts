import { Type } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';
import { SharedLinkDto, toSharedLinkDto } from './shared-link-dto.js';

const Options = {
  expiresAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  password: Type.Optional(
    Type.Union([
      Type.String({
        maxLength: 1024,
        description: 'At least 8 characters; empty or null: no password',
      }),
      Type.Null(),
    ]),
  ),
  allowDownload: Type.Optional(Type.Boolean()),
  allowUpload: Type.Optional(Type.Boolean()),
  hideLocation: Type.Optional(Type.Boolean()),
};

/** The owner's side of shared links: make, list, revoke. The guest side is in guest-routes.ts. */
export const sharedLinkRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);
  const { sharedLinks } = keepsake;
  const tags = ['shared-links'];

  app.post(
    '/api/shared-links',
    {
      schema: {
        tags,
        summary: 'Make a link to one of my albums or to some of my photos',
        description:
          'The page for guests is `url`; the owner can get it again from GET /api/shared-links ' +
          '(the key is stored hashed, and sealed with the server secret). ' +
          '404 for an album that is not mine; 400 when a photo is not mine.',
        body: Type.Union([
          Type.Object(
            { albumId: Type.String({ format: 'uuid' }), ...Options },
            { additionalProperties: false },
          ),
          Type.Object(
            {
              assetIds: Type.Array(Type.String({ format: 'uuid' }), {
                minItems: 1,
                maxItems: 10_000,
              }),
              ...Options,
            },
            { additionalProperties: false },
          ),
        ]),
        response: {
          201: Type.Object({
            id: Type.String(),
            key: Type.String({ description: 'Shown once; 256 random bits, base64url' }),
            url: Type.String({ description: 'The public page, `/s/{key}`' }),
            link: Type.Ref(SharedLinkDto),
          }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const { body } = request;
      const target = 'albumId' in body ? { albumId: body.albumId } : { assetIds: body.assetIds };
      const { link, key } = await sharedLinks.create(principalOf(request).userId, target, body);
      return reply
        .status(201)
        .send({ id: link.id, key, url: `/s/${key}`, link: toSharedLinkDto(link, key) });
    },
  );

  app.get(
    '/api/shared-links',
    {
      schema: {
        tags,
        summary: 'My shared links, newest first (revoked ones too), with their pages to copy again',
        description:
          'Each link not revoked has its `url`, unless it was made before keys were kept (or ' +
          'under another server secret): then `url` is null. Only the owner gets them.',
        response: { 200: Type.Array(Type.Ref(SharedLinkDto)), ...errorResponses(401) },
      },
    },
    async (request) =>
      (await sharedLinks.list(principalOf(request).userId)).map(({ link, key }) =>
        toSharedLinkDto(link, key),
      ),
  );

  app.delete(
    '/api/shared-links/:id',
    {
      schema: {
        tags,
        summary: 'Revoke a link: it stops working at once',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await sharedLinks.revoke(principalOf(request).userId, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
