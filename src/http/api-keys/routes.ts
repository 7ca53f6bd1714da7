import { Type } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';

const ApiKey = Type.Object({ id: Type.String(), name: Type.String(), createdAt: Type.String() });

export const apiKeyRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/api/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Create an API key; its secret is shown only in this answer',
        body: Type.Object({ name: Type.String({ maxLength: 200 }) }),
        response: {
          201: Type.Composite([ApiKey, Type.Object({ secret: Type.String() })]),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await keepsake.auth.createApiKey(principalOf(request), request.body.name)),
  );

  app.get(
    '/api/api-keys',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'My API keys',
        response: { 200: Type.Array(ApiKey), ...errorResponses(401) },
      },
    },
    async (request) => keepsake.auth.listApiKeys(principalOf(request)),
  );

  app.delete(
    '/api/api-keys/:id',
    {
      schema: {
        tags: ['api-keys'],
        summary: 'Revoke an API key',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await keepsake.auth.revokeApiKey(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
