import type { FastifyInstance } from 'fastify';
import type { Keepsake } from '../../keepsake.js';

const isUpload = (method: string, url: string) =>
  (method === 'POST' && url === '/api/assets') ||
  ((method === 'PATCH' || method === 'POST') && url.startsWith('/api/uploads'));

/**
 * Times every request by its route pattern (not its URL, which would make a series per asset),
 * counts uploads in flight, and serves `/metrics` for Prometheus. Registered on the root
 * instance, not as an encapsulated plugin, so that its hooks see every route.
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
  app.get('/metrics', { schema: { hide: true }, logLevel: 'warn' }, async (_request, reply) => {
    reply.type(metrics.contentType);
    return metrics.render();
  });
}
