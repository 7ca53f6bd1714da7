import { Type } from '@sinclair/typebox';
import type { Partnership } from '../../core/partners/partner.js';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';

const PartnerDto = Type.Object({
  user: Type.Object({ id: Type.String(), name: Type.String() }),
  inTimeline: Type.Boolean({
    description: 'The receiving partner shows these photos in their own timeline',
  }),
  createdAt: Type.String(),
});

const UserIdParams = Type.Object({ userId: Type.String({ format: 'uuid' }) });

const toPartnerDto = (p: Partnership) => ({
  user: p.user,
  inTimeline: p.inTimeline,
  createdAt: p.createdAt,
});

/** Partner sharing: my whole library, read-only, with another user. See [Note: Partner sharing]. */
export const partnerRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/api/partners',
    {
      schema: {
        tags: ['partners'],
        summary: 'Whom I share my library with, and who shares theirs with me',
        response: {
          200: Type.Object({
            sharedBy: Type.Array(PartnerDto, { description: 'I share with them' }),
            sharedWith: Type.Array(PartnerDto, { description: 'They share with me' }),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => {
      const { sharedBy, sharedWith } = await keepsake.partners.list(principalOf(request));
      return { sharedBy: sharedBy.map(toPartnerDto), sharedWith: sharedWith.map(toPartnerDto) };
    },
  );

  app.post(
    '/api/partners',
    {
      schema: {
        tags: ['partners'],
        summary: 'Share my whole library, read-only, with a user (again: no change)',
        body: Type.Object({ userId: Type.String({ format: 'uuid' }) }),
        response: { 201: PartnerDto, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          toPartnerDto(await keepsake.partners.share(principalOf(request), request.body.userId)),
        ),
  );

  app.delete(
    '/api/partners/:userId',
    {
      schema: {
        tags: ['partners'],
        summary: 'Stop sharing my library with this user (at once)',
        params: UserIdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await keepsake.partners.unshare(principalOf(request), request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/api/partners/:userId',
    {
      schema: {
        tags: ['partners'],
        summary: 'Show (or not) the photos of a user who shares with me in my own timeline',
        description:
          'Their photos then carry `ownerId` in my timeline; they stay theirs (read-only).',
        params: UserIdParams,
        body: Type.Object({ inTimeline: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: PartnerDto, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      toPartnerDto(
        await keepsake.partners.setInTimeline(
          principalOf(request),
          request.params.userId,
          request.body.inTimeline,
        ),
      ),
  );
};
