import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';

// The people of this server, by name, for anyone signed in to pick whom to share with; no
// emails or roles (GET /api/users, for admins, has those).
export const userDirectoryRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.get(
    '/api/users/directory',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['users'],
        summary: 'The users of this server, id and name only, to share with',
        response: {
          200: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
          ...errorResponses(401),
        },
      },
    },
    async () => (await keepsake.users.list()).map((user) => ({ id: user.id, name: user.name })),
  );
};
