import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../core/auth/auth-service.js';
import { AppError } from '../core/errors.js';
import type { Keepsake } from '../keepsake.js';

export const SESSION_COOKIE = 'keepsake_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** Who is asking: a bearer token, the session cookie, or an API key (`x-api-key`). */
export async function resolvePrincipal(
  keepsake: Keepsake,
  request: FastifyRequest,
): Promise<Principal | undefined> {
  const header = request.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer '))
    return keepsake.auth.authenticateToken(header.slice(7).trim());
  const apiKey = request.headers['x-api-key'];
  if (typeof apiKey === 'string' && apiKey) return keepsake.auth.authenticateApiKey(apiKey);
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) return keepsake.auth.authenticateToken(cookie);
  return undefined;
}

export function registerAuthentication(app: FastifyInstance, keepsake: Keepsake): void {
  app.decorateRequest('principal', null);
  app.decorate('authenticate', async (request: FastifyRequest) => {
    const principal = await resolvePrincipal(keepsake, request);
    if (!principal) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
    request.principal = principal;
  });
  app.decorate('requireAdmin', async (request: FastifyRequest, reply: FastifyReply) => {
    await app.authenticate(request, reply);
    if (!request.principal?.isAdmin)
      throw new AppError('ADMIN_REQUIRED', 'Only an administrator can do this.');
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void>;
    requireAdmin(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

/** The signed-in principal of a route behind `authenticate`. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'Sign in first.');
  return request.principal;
}
