import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../core/errors.js';
import { SESSION_COOKIE } from './authentication.js';

/*
 * [Note: Cross-site request check]
 *
 * The session cookie is `SameSite=Lax`, which still lets another site's page send it with a
 * top-level form POST, and not every browser keeps to it. So a request that changes something
 * (POST, PUT, PATCH, DELETE; tus's PATCH and POST included) and would be signed in by the cookie
 * is refused with 403 CROSS_SITE_REQUEST unless the browser says it comes from this server's own
 * origin or one named in KEEPSAKE_CORS_ORIGINS: by `Origin` (same host as the request's `Host`),
 * or, where a browser sends no `Origin`, by `Sec-Fetch-Site`. A request with neither header is
 * not from a browser (curl, scripts) and cannot have been forged by a page. Sign-in is checked
 * the same way, so that no page can sign a visitor in to an account of its choosing.
 *
 * Requests signed in by a bearer token or an API key are not checked: a page on another site
 * cannot add those headers without a CORS preflight, which only listed origins pass.
 */
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function registerCrossSiteCheck(
  app: FastifyInstance,
  options: { allowedOrigins: readonly string[] },
): void {
  const allowed = new Set(options.allowedOrigins);
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method)) return;
    if (!signedInByCookie(request) && request.url !== '/api/auth/login') return;
    if (!fromElsewhere(request, allowed)) return;
    throw new AppError(
      'CROSS_SITE_REQUEST',
      'Refused: this request came from another site’s page.',
    );
  });
}

/** Whether the session cookie is what would sign this request in (see resolvePrincipal). */
const signedInByCookie = (request: FastifyRequest) =>
  Boolean(request.cookies?.[SESSION_COOKIE]) &&
  !request.headers.authorization?.toLowerCase().startsWith('bearer ') &&
  !request.headers['x-api-key'];

function fromElsewhere(request: FastifyRequest, allowed: ReadonlySet<string>): boolean {
  const origin = request.headers.origin;
  if (origin) {
    if (allowed.has(origin)) return false;
    try {
      return withoutDefaultPort(new URL(origin).host) !== withoutDefaultPort(request.host);
    } catch {
      return true; // `Origin: null` (a sandboxed frame, a redirect across sites) and the like
    }
  }
  const site = request.headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

// A proxy that ends TLS may pass `Host: example.com:443` on a plain-HTTP request (or the other
// way round), so the scheme's default ports are left out on both sides.
const withoutDefaultPort = (host: string) => host.replace(/:(80|443)$/, '').toLowerCase();
