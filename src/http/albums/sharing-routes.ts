import { Type } from '@sinclair/typebox';
import type { AlbumMember } from '../../core/albums/album.js';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';

const SharedRole = Type.Union([Type.Literal('viewer'), Type.Literal('editor')], {
  description:
    'viewer: looks and comments; editor: also adds own photos and removes what they added',
});

const AlbumMemberDto = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  role: SharedRole,
  addedAt: Type.String(),
});

const toMemberDto = (m: AlbumMember) => ({ ...m });

// Who an album is shared with. See: [Note: Album access].
export const albumSharingRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);
  const { albumSharing } = keepsake;
  const tags = ['albums'];

  app.get(
    '/api/albums/:id/users',
    {
      schema: {
        tags,
        summary: 'Whom an album is shared with (any member may ask)',
        params: IdParams,
        response: { 200: Type.Array(AlbumMemberDto), ...errorResponses(401, 404) },
      },
    },
    async (request) =>
      (await albumSharing.members(principalOf(request).userId, request.params.id)).map(toMemberDto),
  );

  app.put(
    '/api/albums/:id/users',
    {
      schema: {
        tags,
        summary: 'Share an album (owner): the full list of members and roles, replacing the last',
        description:
          'Users left out lose the album at once. Unknown user ids answer 400 ' +
          '`ALBUM_SHARE_UNKNOWN_USERS`, naming them.',
        params: IdParams,
        body: Type.Object({
          users: Type.Array(
            Type.Object({ userId: Type.String({ format: 'uuid' }), role: SharedRole }),
            { maxItems: 1000 },
          ),
        }),
        response: {
          200: Type.Array(AlbumMemberDto),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      (
        await albumSharing.share(principalOf(request).userId, request.params.id, request.body.users)
      ).map(toMemberDto),
  );

  app.delete(
    '/api/albums/:id/users/:userId',
    {
      schema: {
        tags,
        summary: 'Take a member off an album (owner), or leave an album shared with me',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          userId: Type.String({ format: 'uuid' }),
        }),
        response: { 204: Type.Null(), ...errorResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id, userId } = request.params;
      await albumSharing.unshare(principalOf(request).userId, id, userId);
      return reply.status(204).send(null);
    },
  );
};
