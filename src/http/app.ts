import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type RouteOptions,
} from 'fastify';
import { AppError } from '../core/errors.js';
import type { Keepsake } from '../keepsake.js';
import { apiKeyRoutes } from './api-keys/routes.js';
import { AssetDto } from './assets/asset-dto.js';
import { assetRoutes } from './assets/routes.js';
import { playbackRoutes } from './assets/playback-routes.js';
import { uploadRoutes } from './assets/upload-routes.js';
import { sidecarRoutes } from './assets/sidecar-routes.js';
import { reprocessRoutes } from './assets/reprocess-routes.js';
import { metadataEditRoutes } from './assets/metadata-edit-routes.js';
import { textRoutes } from './assets/text-routes.js';
import { memoryRoutes } from './memories/routes.js';
import { duplicateRoutes } from './duplicates/routes.js';
import { authRoutes } from './auth/routes.js';
import { sessionRoutes } from './auth/session-routes.js';
import { registerAuthentication } from './authentication.js';
import { registerErrorHandler } from './error-handler.js';
import { registerCrossOrigin } from './cross-origin.js';
import { registerCrossSiteCheck } from './cross-site-requests.js';
import { registerSecurityHeaders } from './security-headers.js';
import { healthRoutes } from './health/routes.js';
import { jobRoutes } from './jobs/routes.js';
import { peopleRoutes } from './people/routes.js';
import { faceRoutes } from './people/face-routes.js';
import { ErrorResponse, UserDto } from './schemas.js';
import { timelineRoutes } from './timeline/routes.js';
import { tagRoutes } from './tags/routes.js';
import { AlbumDto } from './albums/album-dto.js';
import { albumRoutes } from './albums/routes.js';
import { sharedLinkGuestRoutes } from './shared-links/guest-routes.js';
import { sharedLinkRoutes } from './shared-links/routes.js';
import { SharedLinkDto } from './shared-links/shared-link-dto.js';
import { albumSharingRoutes } from './albums/sharing-routes.js';
import { albumActivityRoutes } from './albums/activity-routes.js';
import { userDirectoryRoutes } from './users/directory-routes.js';
import { userRoutes } from './users/routes.js';
import { userAdminRoutes } from './users/admin-routes.js';
import { partnerRoutes } from './partners/routes.js';
import { searchRoutes } from './search/routes.js';
import { tusRoutes } from './uploads/tus-routes.js';
import { openApiDocumentation } from './openapi.js';
import { registerMetrics } from './metrics/metrics.js';
import { webRoutes } from './web/routes.js';
import { registerRequestLog } from './request-log.js';
import { AJV_OPTIONS, buildValidator } from './validation.js';

export interface BuildAppOptions {
  logger?: boolean;
  /** Sees every route as it is declared, schema included (tests walk the schemas). */
  onRoute?: (route: RouteOptions) => void;
}

/** Builds the HTTP API around a wired Keepsake; never listens (tests call `inject`). */
export async function buildApp(
  keepsake: Keepsake,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    // See: [Note: One logger]. Requests are logged by request-log.ts, at debug unless they need a look.
    ...(options.logger === false
      ? { logger: false }
      : { loggerInstance: keepsake.log.child({ component: 'http' }) as FastifyBaseLogger }),
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => crypto.randomUUID(),
    // See: [Note: JSON bodies are not coerced]
    ajv: AJV_OPTIONS,
    schemaController: { compilersFactory: { buildValidator } },
    forceCloseConnections: false,
    return503OnClosing: true,
    // Client address (rate limits) and protocol (the cookie's Secure flag) behind a proxy.
    trustProxy: trustProxyOption(keepsake.config.trustProxy),
  }).withTypeProvider<TypeBoxTypeProvider>();

  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  registerErrorHandler(app);
  registerRequestLog(app, keepsake.config.slowRequestMs);
  await app.register(cookie);
  registerSecurityHeaders(app, {
    mediaFromElsewhere: keepsake.config.mediaDelivery === 'presigned',
  });
  registerCrossOrigin(app, { allowedOrigins: keepsake.config.corsOrigins });
  registerCrossSiteCheck(app, { allowedOrigins: keepsake.config.corsOrigins });
  await app.register(multipart, {
    limits: { fileSize: keepsake.config.maxUploadBytes, files: 1, fields: 20, fieldSize: 4096 },
  });
  await app.register(rateLimit, {
    global: false,
    ...(keepsake.rateLimitStore && {
      redis: keepsake.rateLimitStore.redis,
      nameSpace: keepsake.rateLimitStore.nameSpace,
      // Redis away must not lock every person out; the password hash still slows guessing.
      skipOnError: true,
    }),
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'RATE_LIMITED',
        `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s.`,
      ),
  });
  await app.register(swagger, openApiDocumentation);
  for (const schema of [ErrorResponse, UserDto, AssetDto, AlbumDto]) app.addSchema(schema);
  app.addSchema(SharedLinkDto);
  registerAuthentication(app, keepsake);
  registerMetrics(app, keepsake);

  // A worker process answers only what an orchestrator asks of it.
  const apiRoutes = keepsake.config.role === 'worker' ? [] : API_ROUTES;
  for (const routes of [healthRoutes, ...apiRoutes]) {
    await app.register(routes, { keepsake });
  }
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  if (keepsake.config.role !== 'worker') await app.register(webRoutes, { keepsake });
  return app;
}

/** A number of hops, as a function: Fastify's types take no number (proxy-addr's rule). */
const trustProxyOption = (trust: Keepsake['config']['trustProxy']) =>
  typeof trust === 'number' ? (_address: string, hop: number) => hop < trust : trust;

const API_ROUTES = [
  authRoutes,
  sessionRoutes,
  userRoutes,
  apiKeyRoutes,
  uploadRoutes,
  sidecarRoutes,
  tusRoutes,
  assetRoutes,
  playbackRoutes,
  reprocessRoutes,
  metadataEditRoutes,
  textRoutes,
  timelineRoutes,
  tagRoutes,
  memoryRoutes,
  duplicateRoutes,
  albumRoutes,
  sharedLinkRoutes,
  sharedLinkGuestRoutes,
  albumSharingRoutes,
  albumActivityRoutes,
  userDirectoryRoutes,
  userAdminRoutes,
  partnerRoutes,
  searchRoutes,
  jobRoutes,
  peopleRoutes,
  faceRoutes,
];
