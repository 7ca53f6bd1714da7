import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/*
 * [Note: Security headers]
 *
 * Every response says `X-Content-Type-Options: nosniff` (set on the raw response as the request
 * arrives, so that even tus, which writes its own answers, sends it) and refuses to be framed
 * (`frame-ancestors 'none'`, and `X-Frame-Options: DENY` for older browsers). The rest is set
 * just before sending, and only where the route has not set it itself: the bytes of an
 * original carry their own sandboxing policy (http/assets/send-blob.ts), which wins.
 *
 * - The web app: scripts only from this origin (the build has no inline script), no plugins, no
 *   <base> elsewhere, forms only here. Styles allow 'unsafe-inline' because React writes `style`
 *   attributes (layout of the timeline); that cannot run script. Media and images also from
 *   `blob:` and `data:` (hls.js feeds the <video> through MediaSource; placeholders are data
 *   URLs) and hls.js may start its worker from a `blob:` URL. With presigned delivery the bytes
 *   come from the object store's origin, which this server does not know in advance: images,
 *   media and fetches may then come from any http(s) origin (script still may not).
 * - The API: its answers are data, never a document: `default-src 'none'`.
 * - Referrer: `same-origin`, and none at all from a shared link's page (`/s/{key}`), whose URL is
 *   the secret that opens the link.
 */
export function registerSecurityHeaders(
  app: FastifyInstance,
  options: { mediaFromElsewhere: boolean },
): void {
  const appPolicy = webAppPolicy(options.mediaFromElsewhere);
  app.addHook('onRequest', async (_request, reply) => {
    reply.raw.setHeader('X-Content-Type-Options', 'nosniff');
    reply.raw.setHeader('X-Frame-Options', 'DENY');
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0]!;
    setIfAbsent(reply, 'Referrer-Policy', path.startsWith('/s/') ? 'no-referrer' : 'same-origin');
    setIfAbsent(reply, 'Content-Security-Policy', isApi(request, path) ? API_POLICY : appPolicy);
    return payload;
  });
}

const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

function webAppPolicy(mediaFromElsewhere: boolean): string {
  const media = mediaFromElsewhere ? ' https: http:' : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${media}`,
    `media-src 'self' blob:${media}`,
    `connect-src 'self'${media}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const isApi = (request: FastifyRequest, path: string) =>
  path.startsWith('/api/') || path === '/api' || path === '/metrics' || request.is404;

function setIfAbsent(reply: FastifyReply, name: string, value: string): void {
  if (!reply.hasHeader(name)) void reply.header(name, value);
}
