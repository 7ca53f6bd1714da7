import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Keepsake } from '../../keepsake.js';

const isUpload = (method: string, url: string) =>
  (method === 'POST' && url === '/api/assets') ||
  ((method === 'PATCH' || method === 'POST') && url.startsWith('/api/uploads'));

/*
 * [Note: Where /metrics is served]
 *
 * Metrics tell a stranger how busy the server is, which routes exist and which versions run, so
 * they are not on the public port by default: KEEPSAKE_METRICS_PORT serves them on a port of
 * their own (bind it where only Prometheus reaches it), and KEEPSAKE_METRICS_TOKEN opens
 * `/metrics` on the main port to `Authorization: Bearer <token>`. With neither, the main port
 * answers 404, as for any unknown path.
 */

/**
 * Times every request by its route pattern (not its URL, which would make a series per asset),
 * counts uploads in flight, and serves `/metrics` for Prometheus where the token allows (see
 * [Note: Where /metrics is served]). Registered on the root instance, not as an encapsulated
 * plugin, so that its hooks see every route.
 */
export function registerMetrics(app: FastifyInstance, keepsake: Keepsake): void {
  const { metrics } = keepsake;
  app.addHook('onRequest', async (request, reply) => {
    const route = request.routeOptions.url ?? '';
    if (!isUpload(request.method, route)) return;
    metrics.uploadStarted();
    // 'close' also fires when the client goes away mid-upload, which onResponse would miss.
    reply.raw.once('close', () => metrics.uploadEnded());
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.observeRequest(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
  const token = keepsake.config.metricsToken;
  if (token === null) return;
  app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (request, reply) => {
    if (!sameSecret(request.headers.authorization ?? '', `Bearer ${token}`))
      return reply.status(401).header('WWW-Authenticate', 'Bearer').send({
        statusCode: 401,
        code: 'UNAUTHENTICATED',
        message: 'The metrics token is needed.',
      });
    return sendMetrics(reply, keepsake);
  });
}

/** `/metrics` alone, on a port of its own (KEEPSAKE_METRICS_PORT); the caller listens and closes. */
export function buildMetricsApp(keepsake: Keepsake): FastifyInstance {
  const app = Fastify({ logger: false });
  app.get('/metrics', async (_request, reply) => sendMetrics(reply, keepsake));
  return app;
}

const sendMetrics = async (reply: FastifyReply, { metrics }: Keepsake) =>
  reply.type(metrics.contentType).send(await metrics.render());

const digest = (value: string) => createHash('sha256').update(value).digest();
const sameSecret = (given: string, expected: string) =>
  timingSafeEqual(digest(given), digest(expected));
