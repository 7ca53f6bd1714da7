import type { FastifyInstance, FastifyRequest } from 'fastify';

/** A request body this large is an upload: its time is the sender's line, not the server's. */
const UPLOAD_BYTES = 1024 * 1024;

/**
 * One line per request at debug; at the default level (info) only the requests that need a
 * look: a 5xx answer (error) and one that took longer than `slowMs` to begin its answer (warn).
 * Fastify's own per-request lines are off (disableRequestLogging): a browsing session made
 * thousands of them. The time is taken when the answer starts, so a long video stream is not
 * "slow"; uploads are never counted as slow. The query string is left out: it may hold a key.
 * See: [Note: One logger].
 */
export function registerRequestLog(app: FastifyInstance, slowMs: number): void {
  const answeredAfter = new WeakMap<FastifyRequest, number>();
  app.addHook('onSend', async (request, reply) => {
    if (!answeredAfter.has(request)) answeredAfter.set(request, reply.elapsedTime);
  });
  app.addHook('onResponse', async (request, reply) => {
    const { statusCode } = reply;
    const responseTimeMs = Math.round(answeredAfter.get(request) ?? reply.elapsedTime);
    const fields = {
      method: request.method,
      path: request.url.split('?', 1)[0],
      statusCode,
      responseTimeMs,
    };
    if (statusCode >= 500) request.log.error(fields, 'request answered with a server error');
    else if (slowMs > 0 && responseTimeMs >= slowMs && !isUpload(request))
      request.log.warn(fields, 'slow request');
    else request.log.debug(fields, 'request completed');
  });
}

function isUpload(request: FastifyRequest): boolean {
  const length = Number(request.headers['content-length'] ?? 0);
  return length > UPLOAD_BYTES || request.headers['transfer-encoding'] !== undefined;
}
