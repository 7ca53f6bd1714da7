import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/core/ports/clock.js';
import { buildApp, type BuildAppOptions } from '../../src/http/app.js';
import { createKeepsake, type Keepsake } from '../../src/keepsake.js';
import { corpusPath } from './corpus.js';
import { releaseServicesFor, servicesFor } from './stack.js';
import { openBlobStore, type OpenedBlobStore } from '../../src/adapters/blobs/open-blob-store.js';
import { createRootLogger } from '../../src/adapters/logging/pino-logger.js';
import { Writable } from 'node:stream';

export const ADMIN = {
  email: 'admin@example.com',
  password: 'correct horse battery',
  name: 'Ada Admin',
};

export interface TestApp {
  app: FastifyInstance;
  keepsake: Keepsake;
  /** The same storage Keepsake writes to, through a store of its own: to look, not to touch. */
  blobs: OpenedBlobStore;
  dataDir: string;
  /** What the server logged at warn and above (jobs, background work), one object a line. */
  logged(): Record<string, unknown>[];
  /** Closes the app and the services; keeps the data dir (for restart tests). */
  stop(): Promise<void>;
  /** Stops and removes the data dir. */
  close(): Promise<void>;
}

export interface TestAppOptions {
  dataDir?: string;
  env?: Record<string, string>;
  workers?: boolean;
  clock?: Clock;
  /** Sees every route as it is declared (see BuildAppOptions). */
  onRoute?: BuildAppOptions['onRoute'];
}

/**
 * A real Keepsake on a temporary data dir: SQLite, disk and the table queue, or PostgreSQL, S3
 * and BullMQ when KEEPSAKE_TEST_STACK=scaleout (see stack.ts); sharp and ExifTool either way.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'keepsake-test-')));
  const services = await servicesFor(dataDir);
  const config = loadConfig({
    ...services.env,
    KEEPSAKE_DATA_DIR: dataDir,
    KEEPSAKE_LOG_LEVEL: 'silent',
    KEEPSAKE_JOB_RETRY_BASE_MS: '50',
    KEEPSAKE_JOB_POLL_INTERVAL_MS: '50',
    KEEPSAKE_LOGIN_RATE_LIMIT: '1000',
    // The models cost seconds a photo: the tests of vision switch it on.
    KEEPSAKE_VISION: 'false',
    ...options.env,
  });
  // The server's own log (failed jobs, background work) is kept to look at, not printed.
  const lines: string[] = [];
  const logger = createRootLogger(
    'warn',
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  );
  const keepsake = await createKeepsake(config, { clock: options.clock, logger });
  const blobs = await openBlobStore(config.storageUrl, {
    s3ForcePathStyle: config.s3ForcePathStyle,
  });
  const app = await buildApp(keepsake, { logger: false, onRoute: options.onRoute });
  await app.ready();
  if (options.workers !== false) keepsake.startWorkers();
  const stop = async () => {
    await app.close();
    await keepsake.close();
    await blobs.close?.();
  };
  return {
    app,
    keepsake,
    blobs,
    dataDir,
    logged: () =>
      lines.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line)),
    stop,
    close: async () => {
      await stop();
      await releaseServicesFor(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Session {
  token: string;
  userId: string;
  headers: { authorization: string };
}

export async function setupAdmin(app: FastifyInstance): Promise<Session> {
  const setup = await app.inject({ method: 'POST', url: '/api/auth/setup', payload: ADMIN });
  if (setup.statusCode !== 201) throw new Error(`setup failed: ${setup.body}`);
  return login(app, ADMIN.email, ADMIN.password);
}

export async function login(
  app: FastifyInstance,
  email: string,
  password: string,
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
  const body = res.json<{ accessToken: string; user: { id: string } }>();
  return {
    token: body.accessToken,
    userId: body.user.id,
    headers: { authorization: `Bearer ${body.accessToken}` },
  };
}

/** Creates a second user through the admin API and signs them in. */
export async function createUser(
  app: FastifyInstance,
  admin: Session,
  name: string,
): Promise<Session> {
  const email = `${name.toLowerCase()}@example.com`;
  const password = `${name}-password-123`;
  const res = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: admin.headers,
    payload: { email, password, name },
  });
  if (res.statusCode !== 201) throw new Error(`create user failed: ${res.body}`);
  return login(app, email, password);
}

/** Builds a multipart/form-data body the way a browser would. */
export async function multipart(
  file: { data: Buffer; name: string } | undefined,
  fields: Record<string, string> = {},
): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (file) form.append('file', new Blob([file.data]), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type')! },
  };
}

export async function uploadFile(
  app: FastifyInstance,
  session: Session,
  path: string,
  fields: Record<string, string> = {},
) {
  return uploadBytes(app, session, await readFile(path), basename(path), fields);
}

export async function uploadBytes(
  app: FastifyInstance,
  session: Session,
  data: Buffer,
  name: string,
  fields: Record<string, string> = {},
) {
  const body = await multipart({ data, name }, fields);
  return app.inject({
    method: 'POST',
    url: '/api/assets',
    headers: { ...session.headers, ...body.headers },
    payload: body.payload,
  });
}

export interface AssetBody {
  id: string;
  status: 'processing' | 'ready' | 'failed';
  error: string | null;
  [key: string]: unknown;
}

/** Waits until the asset has left "processing". */
export async function waitForAsset(
  app: FastifyInstance,
  session: Session,
  id: string,
  timeoutMs = 60_000,
): Promise<AssetBody> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/assets/${id}`,
      headers: session.headers,
    });
    const asset = res.json<AssetBody>();
    if (asset.status !== 'processing') return asset;
    if (Date.now() > deadline)
      throw new Error(`asset ${id} still processing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Every key in the store (staging excluded). */
export async function storedKeys(t: TestApp): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of t.blobs.list('')) keys.push(key);
  return keys;
}

/**
 * How many uploads sit in staging; it removes them, so call it only to assert there are none.
 * Processing writes its renditions through staging too, so it first waits (up to 30 s) until no
 * job is waiting or running: a rendition on its way is not an upload left behind.
 */
export async function stagedLeftovers(t: TestApp): Promise<number> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const counts = Object.values(await t.keepsake.jobCounts());
    if (counts.every((c) => c.waiting === 0 && c.active === 0)) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return t.blobs.cleanStaging(0);
}

/**
 * Uploads corpus files one after another (each must be answered 201), then waits until every one
 * has left "processing". The assets by corpus path, in upload order.
 */
export async function uploadCorpus(
  app: FastifyInstance,
  session: Session,
  files: readonly string[],
  options: { fields?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Map<string, AssetBody>> {
  const ids = new Map<string, string>();
  for (const file of files) {
    const res = await uploadFile(app, session, corpusPath(file), options.fields);
    assert.equal(res.statusCode, 201, `${file}: ${res.body}`);
    ids.set(file, res.json<{ id: string }>().id);
  }
  const assets = new Map<string, AssetBody>();
  for (const [file, id] of ids)
    assets.set(file, await waitForAsset(app, session, id, options.timeoutMs ?? 120_000));
  return assets;
}

/** A rendition of an asset, asked for as a client would. */
export const fetchRendition = (
  app: FastifyInstance,
  session: Session,
  assetId: string,
  size: 'thumbnail' | 'preview',
) => app.inject({ url: `/api/assets/${assetId}/thumbnail?size=${size}`, headers: session.headers });
