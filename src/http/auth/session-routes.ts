import { Type } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';

const SessionDto = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  lastSeenAt: Type.Union([Type.String(), Type.Null()], {
    description: 'Last use, to within a few minutes',
  }),
  userAgent: Type.Union([Type.String(), Type.Null()], {
    description: 'The browser or client that signed in, as it named itself',
  }),
  current: Type.Boolean({ description: 'The session this request came with' }),
});

/** A person's own sessions: see where they are signed in, and end one. */
export const sessionRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/api/auth/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: 'My sessions (signed-in browsers and clients), newest first',
        response: { 200: Type.Array(SessionDto), ...errorResponses(401) },
      },
    },
    async (request) => keepsake.auth.listSessions(principalOf(request)),
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'End one of my sessions (it stops working at once)',
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await keepsake.auth.endSession(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
