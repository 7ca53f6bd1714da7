import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { RoutePlugin } from '../plugin.js';

/**
 * Serves the web app (web/, built by Vite into dist/web) at `/`. Files under /assets/ carry a
 * content hash in their names, so browsers may keep them for good; everything else (index.html,
 * the service worker, the manifest) is revalidated on each visit so a new release shows at once.
 * Any other path that is not the API (nor /.well-known/) answers index.html: the app routes in
 * the browser.
 */
export const webRoutes: RoutePlugin = async (app, { keepsake }) => {
  const root = keepsake.config.webDir ?? builtWebDir();
  if (!root || !existsSync(join(root, 'index.html'))) {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. `npm start` builds it; the API is under /api.'),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each text file (web/precompress.ts).
    preCompressed: true,
    setHeaders: (reply, path) => {
      const hashed = path.includes(`${join(root, 'assets')}/`);
      void reply.header(
        'Cache-Control',
        hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0]!;
    // Not the app's: the API's unknown paths answer its JSON 404, /.well-known/ is asked for by
    // clients (password managers, app links, security.txt) that must not get a page, and
    // /metrics is a scraper's (404 where it is not served: [Note: Where /metrics is served]).
    if (NOT_THE_APP.test(path)) return reply.callNotFound();
    const file = path.slice(1);
    if (file && !file.includes('..') && existsSync(join(root, file))) return reply.sendFile(file);
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  });
};

const NOT_THE_APP = /^\/(api|\.well-known|metrics)(\/|$)/;

/** dist/web beside the server, whether it runs compiled (dist/src/...) or from src/ by tsx. */
function builtWebDir(): string | undefined {
  for (let dir = import.meta.dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'web');
  }
  return undefined;
}
