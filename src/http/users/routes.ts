import type { User } from '../../core/users/user.js';
import { NewUserBody } from '../auth/routes.js';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, UserDto } from '../schemas.js';

export const toUserDto = (user: User) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  isAdmin: user.isAdmin,
});

export const userRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.get(
    '/api/users/me',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['users'],
        summary: 'The signed-in user',
        response: { 200: UserDto, ...errorResponses(401) },
      },
    },
    async (request) => toUserDto(await keepsake.users.getOrFail(principalOf(request).userId)),
  );

  app.post(
    '/api/users',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['users'],
        summary: 'Create a user (admin)',
        body: NewUserBody,
        response: { 201: UserDto, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(toUserDto(await keepsake.users.create(request.body))),
  );
};
