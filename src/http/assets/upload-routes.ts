import type { MultipartFile } from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { ReceivedFile, UploadInfo } from '../../core/assets/upload-service.js';
import { isSidecarName } from '../../core/assets/sidecars.js';
import { AppError } from '../../core/errors.js';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';
import { Binary } from '../openapi.js';
import { uploadSlotsFor, watchMultipartUpload } from '../uploads/upload-watch.js';

const UploadResult = Type.Object({
  id: Type.String(),
  status: Type.Union(
    [Type.Literal('created'), Type.Literal('duplicate'), Type.Literal('sidecar')],
    {
      description: '`sidecar`: the file was an XMP sidecar, attached to the asset `id`',
    },
  ),
});

const FIELDS = ['fileCreatedAt', 'fileModifiedAt', 'deviceId', 'deviceAssetId'] as const;

export const uploadRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.post(
    '/api/assets',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['assets'],
        summary: 'Upload one photo or video (multipart/form-data), or an XMP sidecar for one',
        description:
          'The file goes in part `file`; optional fields `fileCreatedAt`, `fileModifiedAt` (ISO 8601), `deviceId`, ' +
          '`deviceAssetId`, before or after it. Answers once the original is durably stored. ' +
          'An XMP sidecar may come with it in part `sidecar` (a bad one refuses both). ' +
          'A `file` named `X.ext.xmp` or `X.xmp` is a sidecar on its own: it is attached to my newest photo ' +
          'named `X.ext` (or `X.*`), answered `200 {status: "sidecar"}` with that photo’s id, or 404 when there is none. ' +
          'For large files use the resumable tus endpoint at /api/uploads.',
        consumes: ['multipart/form-data'],
        multipartBody: Type.Object({
          file: Binary('The photo or video, or an XMP sidecar on its own'),
          sidecar: Type.Optional(Binary('Its XMP sidecar')),
          fileCreatedAt: Type.Optional(Type.String({ description: 'ISO 8601' })),
          fileModifiedAt: Type.Optional(Type.String({ description: 'ISO 8601' })),
          deviceId: Type.Optional(Type.String()),
          deviceAssetId: Type.Optional(Type.String()),
        }),
        response: {
          200: UploadResult,
          201: UploadResult,
          ...errorResponses(400, 401, 404, 408, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('VALIDATION_FAILED', 'Send the file as multipart/form-data.');
      // See: [Note: Stalled and piled-up uploads].
      uploadSlotsFor(keepsake).take(principalOf(request).userId, reply);
      const watch = watchMultipartUpload(request, reply, keepsake.config.uploadIdleTimeoutSeconds);
      const info: Partial<Record<(typeof FIELDS)[number], string>> = {};
      let received: ReceivedFile | undefined;
      let sidecar: Buffer | undefined;
      let fileName = '';
      try {
        // Two files at most: the photo and its sidecar.
        for await (const part of request.parts({ limits: { files: 2 } })) {
          if (part.type === 'file') {
            if (part.fieldname === 'sidecar' && !sidecar) {
              sidecar = await keepsake.sidecars.receive(part.file);
            } else if (part.fieldname === 'file' && !fileName) {
              fileName = part.filename || 'upload';
              // A sidecar on its own is small: read whole, never staged as an original.
              if (isSidecarName(fileName)) sidecar = await keepsake.sidecars.receive(part.file);
              else received = await keepsake.uploads.receive(part.file);
              assertComplete(part);
            } else {
              part.file.resume();
            }
          } else if (
            (FIELDS as readonly string[]).includes(part.fieldname) &&
            typeof part.value === 'string'
          ) {
            info[part.fieldname as (typeof FIELDS)[number]] = part.value;
          }
        }
      } catch (error) {
        await received?.discard();
        throw watch.explain(error);
      } finally {
        watch.stop();
      }
      const ownerId = principalOf(request).userId;
      if (!received) {
        if (!sidecar || !isSidecarName(fileName))
          throw new AppError('MISSING_FILE', 'Put the file in the multipart part named "file".');
        return reply
          .status(200)
          .send(await keepsake.sidecars.attachByName(ownerId, fileName, sidecar));
      }
      const uploadInfo: UploadInfo = { fileName, ...info };
      const result = sidecar
        ? await keepsake.sidecars.acceptWithPhoto(ownerId, received, uploadInfo, sidecar)
        : await keepsake.uploads.accept(ownerId, received, uploadInfo);
      return reply.status(result.status === 'created' ? 201 : 200).send(result);
    },
  );
};

function assertComplete(part: MultipartFile): void {
  if (part.file.truncated)
    throw new AppError('FILE_TOO_LARGE', 'The file is larger than this server accepts.');
}
