import { Type } from '@sinclair/typebox';
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

  app.put(
    '/api/users/me/password',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['users'],
        summary: 'Change my password',
        description:
          'Needs the current password (400 CURRENT_PASSWORD_WRONG otherwise). Every other ' +
          'session of mine ends; this one stays. My API keys are revoked too unless ' +
          '`revokeApiKeys` is false.',
        body: Type.Object({
          currentPassword: Type.String({ maxLength: 1024 }),
          newPassword: Type.String({ maxLength: 1024 }),
          revokeApiKeys: Type.Optional(Type.Boolean({ default: true })),
        }),
        response: { 204: Type.Null(), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await keepsake.auth.changePassword(principalOf(request), {
        currentPassword: request.body.currentPassword,
        newPassword: request.body.newPassword,
        revokeApiKeys: request.body.revokeApiKeys ?? true,
      });
      return reply.status(204).send(null);
    },
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
