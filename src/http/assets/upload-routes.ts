import type { MultipartFile } from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { ReceivedFile, UploadInfo } from '../../core/assets/upload-service.js';
import { AppError } from '../../core/errors.js';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';

const UploadResult = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('created'), Type.Literal('duplicate')]),
});

const FIELDS = ['fileCreatedAt', 'fileModifiedAt', 'deviceId', 'deviceAssetId'] as const;

export const uploadRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.post(
    '/api/assets',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['assets'],
        summary: 'Upload one photo or video (multipart/form-data)',
        description:
          'The file goes in part `file`; optional fields `fileCreatedAt`, `fileModifiedAt` (ISO 8601), `deviceId`, ' +
          '`deviceAssetId`, before or after it. Answers once the original is durably stored. ' +
          'For large files use the resumable tus endpoint at /api/uploads.',
        consumes: ['multipart/form-data'],
        response: { 200: UploadResult, 201: UploadResult, ...errorResponses(400, 401, 413, 415) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('VALIDATION_FAILED', 'Send the file as multipart/form-data.');
      const info: Partial<Record<(typeof FIELDS)[number], string>> = {};
      let received: ReceivedFile | undefined;
      let fileName = '';
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'file' || received) {
              part.file.resume();
              continue;
            }
            fileName = part.filename || 'upload';
            received = await keepsake.uploads.receive(part.file);
            assertComplete(part);
          } else if (
            (FIELDS as readonly string[]).includes(part.fieldname) &&
            typeof part.value === 'string'
          ) {
            info[part.fieldname as (typeof FIELDS)[number]] = part.value;
          }
        }
      } catch (error) {
        await received?.discard();
        throw error;
      }
      if (!received)
        throw new AppError('MISSING_FILE', 'Put the file in the multipart part named "file".');
      const uploadInfo: UploadInfo = { fileName, ...info };
      const result = await keepsake.uploads.accept(
        principalOf(request).userId,
        received,
        uploadInfo,
      );
      return reply.status(result.status === 'created' ? 201 : 200).send(result);
    },
  );
};

function assertComplete(part: MultipartFile): void {
  if (part.file.truncated)
    throw new AppError('FILE_TOO_LARGE', 'The file is larger than this server accepts.');
}
