import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { ReceivedFile } from '../../core/assets/upload-service.js';
import { AppError } from '../../core/errors.js';
import { contentDisposition, IMMUTABLE, sendBlob } from '../assets/send-blob.js';
import { uploadSlotsFor, watchMultipartUpload } from '../uploads/upload-watch.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';
import { Binary, BINARY_RESPONSES } from '../openapi.js';
import {
  GuestLinkDto,
  SharedAssetDto,
  toGuestLinkDto,
  toSharedAssetDto,
} from './shared-link-dto.js';

const KeyParams = Type.Object({ key: Type.String({ maxLength: 200 }) });
const AssetParams = Type.Object({
  key: Type.String({ maxLength: 200 }),
  assetId: Type.String({ format: 'uuid' }),
});
const HlsParams = Type.Object({
  key: Type.String({ maxLength: 200 }),
  assetId: Type.String({ format: 'uuid' }),
  file: Type.String({ maxLength: 100 }),
});
const TokenQuery = {
  token: Type.Optional(
    Type.String({ maxLength: 200, description: 'The `token` answered with the assets' }),
  ),
};
const PASSWORD_HEADER = 'x-share-password';
const REVALIDATE = 'private, no-cache';

/**
 * What anyone holding a link's key may reach, without an account: the link's assets, their
 * renditions, videos (with their HLS sets) and (when allowed) originals, and uploading (when
 * allowed). Nothing else
 * takes the key. Bytes are always streamed from here, never redirected to the object store: a
 * signed URL would outlive a revocation. See: [Note: Shared link access].
 */
export const sharedLinkGuestRoutes: RoutePlugin = async (app, { keepsake }) => {
  const { sharedLinks } = keepsake;
  const tags = ['shared-links (guest)'];
  const perMinute = keepsake.config.loginRateLimitPerMinute;
  // Keys have 256 random bits; the limits make guessing slower still, per address. Opening a link
  // (where a password is tried) is limited like signing in; a page of thumbnails needs more.
  const openLimit = { rateLimit: { max: perMinute * 6, timeWindow: 60_000 } };
  const assetLimit = { rateLimit: { max: perMinute * 120, timeWindow: 60_000 } };

  const accessOf = (
    request: FastifyRequest<{ Params: { key: string }; Querystring: { token?: string } }>,
  ) => {
    const password = request.headers[PASSWORD_HEADER];
    return sharedLinks.openOrFail(request.params.key, {
      password: typeof password === 'string' ? password : undefined,
      token: request.query.token,
    });
  };

  app.get(
    '/api/shared-links/:key/assets',
    {
      config: openLimit,
      schema: {
        tags,
        summary: 'The photos a link shows, for anyone holding its key',
        description:
          `A link with a password wants it in the \`${PASSWORD_HEADER}\` header: 401 with code ` +
          '`PASSWORD_REQUIRED` or `PASSWORD_WRONG` otherwise. The answered `token` then opens the ' +
          'asset URLs (`?token=`). One and the same 404 for an unknown, expired or revoked link.',
        params: KeyParams,
        querystring: Type.Object(TokenQuery),
        response: {
          200: Type.Object({
            link: GuestLinkDto,
            token: Type.Union([Type.String(), Type.Null()]),
            assets: Type.Array(SharedAssetDto),
          }),
          ...errorResponses(401, 404, 429),
        },
      },
    },
    async (request) => {
      const access = await accessOf(request);
      const assets = await sharedLinks.assets(access);
      const { hideLocation } = access.link;
      return {
        link: toGuestLinkDto(access.link),
        token: access.token,
        assets: assets.map((asset) => toSharedAssetDto(asset, hideLocation)),
      };
    },
  );

  app.get(
    '/api/shared-links/:key/assets/:assetId/thumbnail',
    {
      config: assetLimit,
      schema: {
        tags,
        summary: 'A rendition of a shared photo: `thumbnail` (WebP) or `preview` (JPEG)',
        params: AssetParams,
        querystring: Type.Object({
          size: Type.Union([Type.Literal('thumbnail'), Type.Literal('preview')], {
            default: 'thumbnail',
          }),
          v: Type.Optional(Type.String()),
          ...TokenQuery,
        }),
        binaryResponse: BINARY_RESPONSES.rendition,
        response: { ...errorResponses(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const { size, v } = request.query;
      const blob = await sharedLinks.rendition(
        await accessOf(request),
        request.params.assetId,
        size,
      );
      return sendBlob(request, reply, blob, {
        etag: `"${blob.version}-${size}"`,
        contentType: blob.mimeType,
        cacheControl: v === blob.version ? IMMUTABLE : REVALIDATE,
      });
    },
  );

  app.get(
    '/api/shared-links/:key/assets/:assetId/original',
    {
      config: assetLimit,
      schema: {
        tags,
        summary: 'The original of a shared photo, when the link allows downloading (403 otherwise)',
        description:
          'When the link hides locations, a copy without GPS is served (the stored original is ' +
          'untouched); a format ExifTool cannot rewrite is refused with 415 ' +
          '`LOCATION_NOT_REMOVABLE` rather than served with its location.',
        params: AssetParams,
        querystring: Type.Object(TokenQuery),
        binaryResponse: BINARY_RESPONSES.original,
        response: { ...errorResponses(401, 403, 404, 415, 416, 429) },
      },
    },
    async (request, reply) => {
      const blob = await sharedLinks.original(await accessOf(request), request.params.assetId);
      return sendBlob(request, reply, blob, {
        etag: `"${blob.asset.checksum}${blob.stripped ? '-nogps' : ''}"`,
        contentType: blob.asset.mimeType,
        cacheControl: REVALIDATE,
        disposition: contentDisposition('attachment', blob.asset.originalFileName),
      });
    },
  );

  app.get(
    '/api/shared-links/:key/assets/:assetId/video',
    {
      config: assetLimit,
      schema: {
        tags,
        summary: 'A shared video as every browser plays it (Range and ETag supported)',
        description:
          'Without its location metadata when the link hides locations. 403 ' +
          '`DOWNLOAD_NOT_ALLOWED` when the video plays as its original file and the link does ' +
          'not allow downloading (a long video still plays from its HLS set).',
        params: AssetParams,
        querystring: Type.Object(TokenQuery),
        binaryResponse: BINARY_RESPONSES.video,
        response: { ...errorResponses(401, 403, 404, 415, 416, 429) },
      },
    },
    async (request, reply) => {
      const blob = await sharedLinks.video(await accessOf(request), request.params.assetId);
      return sendBlob(request, reply, blob, {
        etag: blob.etag,
        contentType: blob.mimeType,
        cacheControl: REVALIDATE,
      });
    },
  );

  app.get(
    '/api/shared-links/:key/assets/:assetId/hls/:file',
    {
      config: assetLimit,
      schema: {
        tags,
        summary: 'The HLS set of a shared long video: index.m3u8, its variant playlists, segments',
        description:
          'Start at `index.m3u8`; the names in it resolve beside it, and carry the `token` of a ' +
          'link with a password and the set’s version (`v`: with the current one, a file may be ' +
          'cached for good). 404 for a name outside the set, a photo, or a video without HLS.',
        params: HlsParams,
        querystring: Type.Object({
          ...TokenQuery,
          v: Type.Optional(Type.String({ maxLength: 64 })),
        }),
        binaryResponse: BINARY_RESPONSES.hls,
        response: { ...errorResponses(401, 404, 416, 429) },
      },
    },
    async (request, reply) => {
      const { assetId, file } = request.params;
      const access = await accessOf(request);
      const blob = await sharedLinks.hlsFile(access, assetId, file, request.query.v);
      return sendBlob(request, reply, blob, {
        etag: blob.etag,
        contentType: blob.mimeType,
        cacheControl: blob.immutable ? IMMUTABLE : REVALIDATE,
      });
    },
  );

  app.post(
    '/api/shared-links/:key/assets',
    {
      config: openLimit,
      schema: {
        tags,
        summary: 'Upload a photo through a link that allows it (multipart, part `file`)',
        description:
          "It joins the link owner's library, and the album for an album link. 403 when the " +
          'link does not allow uploading.',
        consumes: ['multipart/form-data'],
        multipartBody: Type.Object({ file: Binary('The photo or video') }),
        params: KeyParams,
        querystring: Type.Object(TokenQuery),
        response: {
          200: UploadAnswer(),
          201: UploadAnswer(),
          ...errorResponses(400, 401, 403, 404, 408, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const access = await accessOf(request);
      if (!access.link.allowUpload)
        throw new AppError('UPLOAD_NOT_ALLOWED', 'This link does not allow uploading.');
      if (!request.isMultipart())
        throw new AppError('VALIDATION_FAILED', 'Send the file as multipart/form-data.');
      // A link's guests share its slots. See: [Note: Stalled and piled-up uploads].
      uploadSlotsFor(keepsake).take(`link:${access.link.id}`, reply);
      const watch = watchMultipartUpload(request, reply, keepsake.config.uploadIdleTimeoutSeconds);
      let received: ReceivedFile | undefined;
      let fileName = 'upload';
      try {
        for await (const part of request.parts({ limits: { files: 1 } })) {
          if (part.type !== 'file') continue;
          if (part.fieldname !== 'file' || received) {
            part.file.resume();
            continue;
          }
          fileName = part.filename || fileName;
          received = await keepsake.uploads.receive(part.file);
          if (part.file.truncated)
            throw new AppError('FILE_TOO_LARGE', 'The file is larger than this server accepts.');
        }
      } catch (error) {
        await received?.discard();
        throw watch.explain(error);
      } finally {
        watch.stop();
      }
      if (!received)
        throw new AppError('MISSING_FILE', 'Put the file in the multipart part named "file".');
      const result = await sharedLinks.upload(access, received, { fileName });
      return reply.status(result.status === 'created' ? 201 : 200).send(result);
    },
  );
};

function UploadAnswer() {
  return Type.Object({
    id: Type.String(),
    status: Type.Union([Type.Literal('created'), Type.Literal('duplicate')]),
  });
}
