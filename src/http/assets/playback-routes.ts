import { Type } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import { BINARY_RESPONSES } from '../openapi.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';
import { IMMUTABLE, sendBlob } from './send-blob.js';

// A re-run may encode again under the same URL: clients revalidate (the ETag makes it cheap).
const REVALIDATE = 'private, no-cache';

/** Videos as browsers play them. See: [Note: Video playback] in core/media/playback-rules.ts. */
export const playbackRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);
  const { mediaDelivery, presignedUrlSeconds } = keepsake.config;
  const redirectSeconds = mediaDelivery === 'presigned' ? presignedUrlSeconds : undefined;

  app.get(
    '/api/assets/:id/video',
    {
      schema: {
        tags: ['assets'],
        summary: 'The video as every browser plays it (Range and ETag supported)',
        description:
          'The H.264/AAC MP4 made by the playback step, or the original when it plays as it is. ' +
          '404 for a photo, and while nothing playable exists yet (see the asset’s `playback`).',
        params: IdParams,
        binaryResponse: BINARY_RESPONSES.video,
        response: { ...errorResponses(401, 404, 416) },
      },
    },
    async (request, reply) => {
      const blob = await keepsake.playback.video(principalOf(request).userId, request.params.id);
      return sendBlob(request, reply, blob, {
        etag: blob.etag,
        contentType: blob.mimeType,
        cacheControl: REVALIDATE,
        redirectSeconds,
      });
    },
  );

  app.get(
    '/api/assets/:id/hls/:file',
    {
      schema: {
        tags: ['assets'],
        summary: 'The HLS set of a long video: index.m3u8, its variant playlists and segments',
        description:
          'Start at `index.m3u8`; the names in it resolve beside it and carry the set’s version ' +
          '(`v`): asked for with the current version, a file may be cached for good. 404 for a ' +
          'photo, a short video (it has no HLS), or before the playback step made it.',
        params: Type.Object({
          id: Type.String({ format: 'uuid' }),
          file: Type.String({ maxLength: 100 }),
        }),
        querystring: Type.Object({ v: Type.Optional(Type.String({ maxLength: 64 })) }),
        binaryResponse: BINARY_RESPONSES.hls,
        response: { ...errorResponses(401, 404, 416) },
      },
    },
    async (request, reply) => {
      const { id, file } = request.params;
      const blob = await keepsake.playback.hlsFile(
        principalOf(request).userId,
        id,
        file,
        request.query.v,
      );
      return sendBlob(request, reply, blob, {
        etag: blob.etag,
        contentType: blob.mimeType,
        // Asked for with the set's current version. See: [Note: HLS caching].
        cacheControl: blob.immutable ? IMMUTABLE : REVALIDATE,
        // A playlist's names resolve against its own URL: it must stay here, not in the store.
        redirectSeconds: file.endsWith('.m3u8') ? undefined : redirectSeconds,
      });
    },
  );
};
