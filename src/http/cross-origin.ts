import type { FastifyInstance } from 'fastify';

/** What a listed origin may send: the API's credentials and every tus request header. */
export const CORS_ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'X-Api-Key',
  'X-Share-Password',
  'Range',
  'X-Requested-With',
  'Tus-Resumable',
  'Upload-Length',
  'Upload-Offset',
  'Upload-Metadata',
  'Upload-Defer-Length',
  'Upload-Concat',
  'X-HTTP-Method-Override',
];

/** What a listed origin's script may read of an answer, tus's headers included. */
export const CORS_EXPOSED_HEADERS = [
  'Location',
  'Upload-Offset',
  'Upload-Length',
  'Tus-Resumable',
  'Tus-Version',
  'Tus-Extension',
  'Tus-Max-Size',
  'Keepsake-Asset-Id',
  'Keepsake-Asset-Status',
  'Content-Disposition',
  'Content-Range',
  'Retry-After',
];

const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';

/*
 * [Note: Cross-origin access]
 *
 * Off unless KEEPSAKE_CORS_ORIGINS lists origins. A listed origin's pages may call the API and
 * tus with an API key or a bearer token: preflights are answered here, for every path (tus's own
 * OPTIONS handler never sees one from a listed origin), and answers carry
 * `Access-Control-Allow-Origin` for that origin only. Cookies are not offered across origins
 * (no `Access-Control-Allow-Credentials`): the session cookie belongs to the web app served here.
 * Headers go on the raw response so that tus's own answers carry them too.
 */
export function registerCrossOrigin(
  app: FastifyInstance,
  options: { allowedOrigins: readonly string[] },
): void {
  if (options.allowedOrigins.length === 0) return;
  const allowed = new Set(options.allowedOrigins);
  app.addHook('onRequest', async (request, reply) => {
    reply.raw.setHeader('Vary', 'Origin');
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin)) return;
    reply.raw.setHeader('Access-Control-Allow-Origin', origin);
    reply.raw.setHeader('Access-Control-Expose-Headers', CORS_EXPOSED_HEADERS.join(', '));
    if (request.method !== 'OPTIONS' || !request.headers['access-control-request-method']) return;
    reply.raw.setHeader('Access-Control-Allow-Methods', METHODS);
    reply.raw.setHeader('Access-Control-Allow-Headers', CORS_ALLOWED_HEADERS.join(', '));
    reply.raw.setHeader('Access-Control-Max-Age', '600');
    return reply.status(204).send();
  });
}

/** For tus, whose answers set CORS headers of their own: only listed origins. */
export const corsOriginAllowed =
  (allowedOrigins: readonly string[]) =>
  (origin: string): boolean =>
    allowedOrigins.includes(origin);
