import { TUS_PATH } from './tus-routes.js';

/*
 * The tus endpoints as OpenAPI describes them. tus serves them itself (tus-routes.ts hands the
 * raw request over), so no route schema says this. See: [Note: The OpenAPI document]
 */

const header = (description: string, schema: object = { type: 'string' }) => ({
  description,
  schema,
});
const parameter = (name: string, description: string, required = false, schema?: object) => ({
  name,
  in: 'header',
  required,
  ...header(description, schema),
});

const TUS_RESUMABLE = parameter('Tus-Resumable', 'The protocol version: 1.0.0', true, {
  type: 'string',
  enum: ['1.0.0'],
});
const UPLOAD_ID = {
  name: 'uploadId',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' },
};
const OFFSET = header('Bytes the server holds', { type: 'integer', minimum: 0 });
const CHUNK = {
  required: true,
  content: { 'application/offset+octet-stream': { schema: { type: 'string', format: 'binary' } } },
};
const FINISHED = {
  'Keepsake-Asset-Id': header('With the last bytes: the asset they made (or the one I had)'),
  'Keepsake-Asset-Status': header('With the last bytes: `created` or `duplicate`', {
    type: 'string',
    enum: ['created', 'duplicate'],
  }),
};
const failures = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, { description: TUS_FAILURES[status] ?? 'Refused' }]),
  );
const TUS_FAILURES: Record<number, string> = {
  400: 'A header is missing or malformed, or Upload-Metadata names no filename',
  401: 'Not signed in',
  404: 'No such upload (or not mine)',
  409: 'Upload-Offset is not the offset the server holds',
  410: 'The upload expired or was aborted',
  412: 'Tus-Resumable is not 1.0.0',
  413: 'Over KEEPSAKE_MAX_UPLOAD_BYTES, or over my quota',
  415: 'Not a photo or video Keepsake can keep',
};
const tags = ['uploads'];

/** The OpenAPI path items of the tus endpoints. */
export function tusOperations(): Record<string, Record<string, object>> {
  return {
    [TUS_PATH]: {
      options: {
        tags,
        operationId: 'optionsUploads',
        summary: 'What the resumable upload server supports (tus)',
        security: [],
        responses: {
          204: {
            description: 'The protocol versions, extensions and size limit',
            headers: {
              'Tus-Version': header('1.0.0'),
              'Tus-Extension': header('creation, creation-with-upload, termination, expiration…'),
              'Tus-Max-Size': header('KEEPSAKE_MAX_UPLOAD_BYTES', { type: 'integer' }),
            },
          },
          ...failures(400),
        },
      },
      post: {
        tags,
        operationId: 'postUploads',
        summary: 'Begin a resumable upload (tus creation, optionally with its first bytes)',
        description:
          'Upload-Metadata keys (base64 values): `filename` (required), `fileCreatedAt`, ' +
          '`fileModifiedAt`, `deviceId`, `deviceAssetId`. A body (creation-with-upload) is the ' +
          'first bytes; with the whole file the answer carries the asset as PATCH would.',
        parameters: [
          TUS_RESUMABLE,
          parameter('Upload-Length', 'The file’s size in bytes', false, {
            type: 'integer',
            minimum: 0,
          }),
          parameter(
            'Upload-Defer-Length',
            'Instead of Upload-Length: `1`, size told later',
            false,
            {
              type: 'integer',
              enum: [1],
            },
          ),
          parameter('Upload-Metadata', 'Comma-separated `key base64value` pairs', true),
        ],
        requestBody: { ...CHUNK, required: false },
        responses: {
          201: {
            description: 'Created: PATCH the rest to Location',
            headers: {
              Location: header('The upload’s URL, relative: /api/uploads/{uploadId}'),
              'Upload-Offset': OFFSET,
              'Upload-Expires': header('When an unfinished upload is deleted (RFC 7231 date)'),
              ...FINISHED,
            },
          },
          ...failures(400, 401, 412, 413, 415),
        },
      },
    },
    [`${TUS_PATH}/{uploadId}`]: {
      head: {
        tags,
        operationId: 'headUploadsByUploadId',
        summary: 'How many bytes of an upload the server holds (tus), to resume from there',
        parameters: [UPLOAD_ID, TUS_RESUMABLE],
        responses: {
          200: {
            description: 'The offset to resume from',
            headers: {
              'Upload-Offset': OFFSET,
              'Upload-Length': header('The file’s size', { type: 'integer' }),
              'Upload-Metadata': header('As sent at creation'),
            },
          },
          ...failures(401, 404, 410, 412),
        },
      },
      patch: {
        tags,
        operationId: 'patchUploadsByUploadId',
        summary: 'Send the next bytes of an upload (tus); the last ones make the asset',
        parameters: [
          UPLOAD_ID,
          TUS_RESUMABLE,
          parameter('Upload-Offset', 'Where these bytes start: the offset HEAD answered', true, {
            type: 'integer',
            minimum: 0,
          }),
          parameter('Upload-Length', 'The size, if it was deferred', false, { type: 'integer' }),
        ],
        requestBody: CHUNK,
        responses: {
          204: {
            description: 'Received',
            headers: {
              'Upload-Offset': OFFSET,
              'Upload-Expires': header('When an unfinished upload is deleted'),
              ...FINISHED,
            },
          },
          ...failures(400, 401, 404, 409, 410, 412, 413, 415),
        },
      },
      delete: {
        tags,
        operationId: 'deleteUploadsByUploadId',
        summary: 'Abandon an upload and delete what was sent (tus termination)',
        parameters: [UPLOAD_ID, TUS_RESUMABLE],
        responses: { 204: { description: 'Deleted' }, ...failures(401, 404, 410, 412) },
      },
    },
  };
}
