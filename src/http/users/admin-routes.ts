import { Type } from '@sinclair/typebox';
import type { StorageUsage, User } from '../../core/users/user.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String | typeof Type.Integer>>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** A user as an administrator sees them: role, state, quota and storage used. */
const AdminUserDto = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  isAdmin: Type.Boolean(),
  createdAt: Type.String(),
  quotaBytes: Nullable(Type.Integer({ description: 'null: no limit' })),
  disabled: Type.Boolean(),
  deleteAfter: Nullable(
    Type.String({ description: 'Deletion scheduled: the data goes after this instant' }),
  ),
  storage: Type.Object({
    usedBytes: Type.Integer({ description: 'Sum of the sizes of the user’s own originals' }),
    assetCount: Type.Integer(),
  }),
});

const toAdminUserDto = (user: User & { storage?: StorageUsage }) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  isAdmin: user.isAdmin,
  createdAt: user.createdAt,
  quotaBytes: user.quotaBytes,
  disabled: user.disabledAt !== null,
  deleteAfter: user.deleteAfter,
  storage: user.storage ?? { usedBytes: 0, assetCount: 0 },
});

/** Administrators manage accounts. The last enabled admin can be neither demoted nor disabled. */
export const userAdminRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.requireAdmin);
  const withStorage = async (user: User) => ({
    ...user,
    storage: await keepsake.userAdmin.storageOf(user.id),
  });

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'All users, with their quota and storage used (admin)',
        response: { 200: Type.Array(AdminUserDto), ...errorResponses(401, 403) },
      },
    },
    async () => (await keepsake.userAdmin.listWithStorage()).map(toAdminUserDto),
  );

  app.get(
    '/api/users/deletion-policy',
    {
      schema: {
        tags: ['users'],
        summary: 'How deleting a user works on this server: the grace period (admin)',
        response: {
          200: Type.Object({
            graceDays: Type.Integer({
              description:
                'Days a deleted user can be restored before their data goes ' +
                '(KEEPSAKE_USER_DELETE_GRACE_DAYS); 0: at the next maintenance run',
            }),
          }),
          ...errorResponses(401, 403),
        },
      },
    },
    async () => ({ graceDays: keepsake.userAdmin.deletionGraceDays() }),
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Edit a user: name, email, admin, quota, disabled (admin)',
        description:
          'A disabled user can neither sign in nor use a session or API key; their sessions end. ' +
          '409 LAST_ADMIN when this would leave no enabled admin.',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String()),
            email: Type.Optional(Type.String()),
            isAdmin: Type.Optional(Type.Boolean()),
            quotaBytes: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
            disabled: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: AdminUserDto, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      toAdminUserDto(
        await withStorage(await keepsake.userAdmin.update(request.params.id, request.body)),
      ),
  );

  app.post(
    '/api/users/:id/password',
    {
      schema: {
        tags: ['users'],
        summary: 'Set a new password for a user; their sessions end (admin)',
        description:
          'Their API keys are revoked too, unless `revokeApiKeys` is false (for example when ' +
          'the reset is only because they forgot the password).',
        params: IdParams,
        body: Type.Object({
          password: Type.String(),
          revokeApiKeys: Type.Optional(Type.Boolean({ default: true })),
        }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await keepsake.userAdmin.resetPassword(request.params.id, request.body.password, {
        revokeApiKeys: request.body.revokeApiKeys,
      });
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Delete a user after a grace period (admin)',
        description:
          'Disables the user at once and ends their sessions; their photos and the account are ' +
          'deleted after KEEPSAKE_USER_DELETE_GRACE_DAYS (`deleteAfter`), unless restored.',
        params: IdParams,
        response: { 200: AdminUserDto, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) =>
      toAdminUserDto(
        await withStorage(await keepsake.userAdmin.scheduleDeletion(request.params.id)),
      ),
  );

  app.post(
    '/api/users/:id/restore',
    {
      schema: {
        tags: ['users'],
        summary: 'Cancel a user’s deletion within the grace period, enabling them again (admin)',
        params: IdParams,
        response: { 200: AdminUserDto, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) =>
      toAdminUserDto(await withStorage(await keepsake.userAdmin.restore(request.params.id))),
  );
};
