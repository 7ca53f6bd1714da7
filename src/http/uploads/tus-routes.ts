import type { IncomingMessage } from 'node:http';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import type { Server as TusServer } from '@tus/server';
import type { Keepsake } from '../../keepsake.js';
import type { Principal } from '../../core/auth/auth-service.js';
import { isAppError, type ErrorKind } from '../../core/errors.js';
import { principalOf } from '../authentication.js';
import { corsOriginAllowed } from '../cross-origin.js';
import type { RoutePlugin } from '../plugin.js';
import { uploadSlotsFor, watchUploadProgress } from './upload-watch.js';

export const TUS_PATH = '/api/uploads';

// Who sent each request, handed from Fastify's authentication to tus's hooks.
const principals = new WeakMap<IncomingMessage, Principal>();

type TusRequest = { runtime?: { node?: { req: IncomingMessage } } };
const principalFor = (req: unknown): Principal | undefined => {
  const raw = (req as TusRequest).runtime?.node?.req;
  return raw && principals.get(raw);
};
// Each request's own logger (with its request id), for what tus reports.
const requestLogs = new WeakMap<IncomingMessage, FastifyBaseLogger>();
const logFor = (req: unknown): FastifyBaseLogger | undefined => {
  const raw = (req as TusRequest).runtime?.node?.req;
  return raw && requestLogs.get(raw);
};

/** The tus server, loaded on the first resumable upload rather than at start-up. */
async function createTusServer(keepsake: Keepsake, log: FastifyBaseLogger): Promise<TusServer> {
  const { Server, EVENTS } = await import('@tus/server');
  const datastore = await keepsake.createTusDatastore();
  // Uploads a creating POST made, by tus's request: removed if that POST fails.
  const createdBy = new WeakMap<object, string>();
  const remove = async (req: unknown, id: string) => {
    try {
      await datastore.remove(id);
    } catch (error) {
      if ((error as { status_code?: number }).status_code === 404) return; // already gone
      (logFor(req) ?? log).error({ err: error, uploadId: id }, 'could not remove an upload');
    }
  };
  const server = new Server({
    path: TUS_PATH,
    datastore,
    locker: datastore.locker, // across processes when the store is shared; else tus's own
    maxSize: keepsake.config.maxUploadBytes,
    relativeLocation: true,
    respectForwardedHeaders: true,
    exposedHeaders: ['Keepsake-Asset-Id', 'Keepsake-Asset-Status'],
    // tus answers CORS itself: only for KEEPSAKE_CORS_ORIGINS. See: [Note: Cross-origin access]
    allowedOrigins: corsOriginAllowed(keepsake.config.corsOrigins),
    allowedHeaders: ['X-Api-Key'],
    async onUploadCreate(req, upload) {
      const principal = principalFor(req);
      if (!principal) throw tusError(401, 'UNAUTHENTICATED', 'Sign in first.');
      if (!upload.metadata?.filename)
        throw tusError(400, 'VALIDATION_FAILED', 'Upload-Metadata must name the filename.');
      // Before a byte is sent: an upload that cannot fit the quota is refused now (an identical
      // file the owner already has would not count, but its checksum is not known yet).
      if (upload.size !== undefined)
        await keepsake.uploads.assertRoom(principal.userId, upload.size).catch(rethrowAsTus);
      return { metadata: { ...upload.metadata, ownerId: principal.userId } };
    },
    async onIncomingRequest(req, uploadId) {
      if (req.method === 'POST' || req.method === 'OPTIONS') return;
      const upload = await datastore.getUpload(uploadId).catch(() => undefined);
      if (upload && upload.metadata?.ownerId !== principalFor(req)?.userId) {
        throw tusError(404, 'UPLOAD_NOT_FOUND', 'No such upload.');
      }
    },
    async onUploadFinish(req, upload) {
      const principal = principalFor(req);
      if (!principal || upload.metadata?.ownerId !== principal.userId)
        throw tusError(404, 'UPLOAD_NOT_FOUND', 'No such upload.');
      const meta = upload.metadata;
      let result: Awaited<ReturnType<Keepsake['uploads']['ingest']>>;
      try {
        result = await keepsake.uploads.ingest(principal.userId, await datastore.read(upload.id), {
          fileName: meta.filename ?? 'upload',
          fileCreatedAt: meta.fileCreatedAt ?? null,
          fileModifiedAt: meta.fileModifiedAt ?? null,
          deviceId: meta.deviceId ?? null,
          deviceAssetId: meta.deviceAssetId ?? null,
        });
      } catch (error) {
        await remove(req, upload.id);
        rethrowAsTus(error);
      }
      // A creating POST that carried the whole file (creation-with-upload) reads the upload
      // again after this hook, to answer Upload-Expires: it is removed once answered.
      if (req.method !== 'POST') await remove(req, upload.id);
      return {
        headers: { 'Keepsake-Asset-Id': result.id, 'Keepsake-Asset-Status': result.status },
      };
    },
    /**
     * What is not the client's fault is logged as an error with its cause (tus would answer 500
     * "Something went wrong" and log nothing). A creation that fails leaves nothing behind: its
     * client never learnt the upload's URL, so nobody could resume it.
     */
    async onResponseError(req, error) {
      const status = (error as { status_code?: number }).status_code;
      if (status === undefined || status >= 500) {
        (logFor(req) ?? log).error(
          { err: error, method: req.method, url: req.url },
          'resumable upload failed',
        );
      }
      const created = createdBy.get(req);
      if (created) await remove(req, created);
    },
  });
  server.on(EVENTS.POST_CREATE, (req, upload) => createdBy.set(req, upload.id));
  server.on(EVENTS.POST_FINISH, (req, _res, upload) => {
    if (req.method === 'POST') void remove(req, upload.id);
  });
  return server;
}

/**
 * Resumable uploads (tus 1.0 with creation, creation-with-upload, termination and expiration).
 * Partial uploads live in a store the composition root picks (adapters/uploads/tus-datastore.ts);
 * the request that brings the last byte (a PATCH, or the creating POST that carried the whole
 * file) hands the file to the same ingest path as a plain upload and answers with
 * `Keepsake-Asset-Id` and `Keepsake-Asset-Status` headers. Upload-Metadata keys: `filename`
 * (required), `fileCreatedAt`, `fileModifiedAt`, `deviceId`, `deviceAssetId`. The OpenAPI
 * document describes these endpoints from tus-openapi.ts.
 */
export const tusRoutes: RoutePlugin = async (app, { keepsake }) => {
  let tus: Promise<TusServer> | undefined;
  let cleanup: NodeJS.Timeout | undefined;
  const tusServer = () => {
    if (!tus) {
      tus = createTusServer(keepsake, app.log);
      cleanup = setInterval(
        () => void tus?.then((t) => t.cleanUpExpiredUploads()).catch(() => {}),
        3_600_000,
      );
      cleanup.unref();
    }
    return tus;
  };
  app.addHook('onClose', async () => clearInterval(cleanup));

  // tus reads the raw body stream itself.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) =>
    done(null),
  );

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'OPTIONS') principals.set(request.raw, principalOf(request));
    requestLogs.set(request.raw, request.log);
    const watch = carriesBytes(request) ? watchTusBody(request, reply) : undefined;
    reply.hijack();
    try {
      await (await tusServer()).handle(request.raw, reply.raw);
    } finally {
      watch?.stop();
    }
  };

  /**
   * A PATCH (or a creating POST with data) holds a slot and is ended when its body stalls; the
   * bytes it brought stay, to resume from. See: [Note: Stalled and piled-up uploads].
   */
  const watchTusBody = (request: FastifyRequest, reply: FastifyReply) => {
    uploadSlotsFor(keepsake).take(principalOf(request).userId, reply);
    return watchUploadProgress(request, keepsake.config.uploadIdleTimeoutSeconds, (error) => {
      const { raw } = reply;
      if (!raw.headersSent) {
        const body = JSON.stringify({ statusCode: 408, code: error.code, message: error.message });
        raw.writeHead(408, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(body),
          'Tus-Resumable': '1.0.0',
          Connection: 'close',
        });
        raw.end(body, () => request.raw.destroy());
      } else request.raw.destroy();
    });
  };
  for (const url of [TUS_PATH, `${TUS_PATH}/*`]) {
    app.route({
      method: ['POST', 'PATCH', 'HEAD', 'DELETE', 'OPTIONS', 'GET'],
      url,
      exposeHeadRoute: false,
      schema: { hide: true },
      onRequest: async (request, reply) => {
        if (request.method !== 'OPTIONS') await app.authenticate(request, reply);
      },
      handler,
    });
  }
};

const TUS_STATUS: Partial<Record<ErrorKind, number>> = {
  unsupported: 415,
  'too-large': 413,
  'rate-limited': 429,
};

const carriesBytes = (request: FastifyRequest): boolean =>
  request.method === 'PATCH' ||
  (request.method === 'POST' &&
    request.headers['content-type'] === 'application/offset+octet-stream');

function rethrowAsTus(error: unknown): never {
  if (isAppError(error)) throw tusError(TUS_STATUS[error.kind] ?? 400, error.code, error.message);
  throw error;
}

function tusError(status: number, code: string, message: string) {
  return { status_code: status, body: JSON.stringify({ statusCode: status, code, message }) };
}
