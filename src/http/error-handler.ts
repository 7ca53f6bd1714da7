import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type ErrorKind } from '../core/errors.js';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  unsupported: 415,
  'rate-limited': 429,
  'timed-out': 408,
  unavailable: 503,
};

// Fastify's and its plugins' own errors that a client can cause, with our code for each.
const FASTIFY_CODES: Record<string, { status: number; code: string }> = {
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'FILE_TOO_LARGE' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'BODY_TOO_LARGE' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'UNSUPPORTED_CONTENT_TYPE' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'UNSUPPORTED_CONTENT_TYPE' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'VALIDATION_FAILED' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'VALIDATION_FAILED' },
  FST_FILES_LIMIT: { status: 400, code: 'TOO_MANY_FILES' },
  FST_PARTS_LIMIT: { status: 400, code: 'TOO_MANY_PARTS' },
};

/** Maps every error to one JSON shape, `{statusCode, code, message}`, once, at the edge. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(STATUS[error.kind])
        .send({ statusCode: STATUS[error.kind], code: error.code, message: error.message });
    }
    if (error.validation) {
      return reply
        .status(400)
        .send({ statusCode: 400, code: 'VALIDATION_FAILED', message: error.message });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known)
      return reply
        .status(known.status)
        .send({ statusCode: known.status, code: known.code, message: error.message });
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({
        statusCode: error.statusCode,
        code: error.code ?? 'BAD_REQUEST',
        message: error.message,
      });
    }
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on the server.',
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      statusCode: 404,
      code: 'ROUTE_NOT_FOUND',
      message: `No route ${request.method} ${request.url}`,
    }),
  );
}
