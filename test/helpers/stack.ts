import { randomBytes } from 'node:crypto';
import { createTestDatabase } from './postgres.js';
import { S3RVER_CREDENTIALS, startS3Server, type S3TestServer } from './s3-server.js';

/** Redis runs here on these machines and in CI. */
export const REDIS_URL = process.env.KEEPSAKE_TEST_REDIS ?? 'redis://127.0.0.1:6379';

/**
 * Which services the tests run Keepsake on: `embedded` (SQLite, a folder, the table queue; the
 * default) or `scaleout` (PostgreSQL, S3, BullMQ), chosen with KEEPSAKE_TEST_STACK. The test
 * runner runs the HTTP suite once on each.
 */
export const TEST_STACK = process.env.KEEPSAKE_TEST_STACK === 'scaleout' ? 'scaleout' : 'embedded';

export interface StackServices {
  /** Environment variables that point Keepsake at the services. */
  env: Record<string, string>;
  release(): Promise<void>;
}

// One set of services per data dir, so that a test restarting Keepsake on its data dir finds
// the same database again.
const byDataDir = new Map<string, StackServices>();

export async function servicesFor(dataDir: string): Promise<StackServices> {
  const known = byDataDir.get(dataDir);
  if (known) return known;
  const services = TEST_STACK === 'scaleout' ? await scaleOut() : embedded();
  byDataDir.set(dataDir, services);
  return services;
}

export async function releaseServicesFor(dataDir: string): Promise<void> {
  const services = byDataDir.get(dataDir);
  byDataDir.delete(dataDir);
  await services?.release();
}

const embedded = (): StackServices => ({ env: {}, release: async () => {} });

let s3: Promise<S3TestServer> | undefined;

/** One S3 server per test process; the AWS SDK finds it through its own variables, as in production. */
function sharedS3Server(): Promise<S3TestServer> {
  s3 ??= startS3Server().then((server) => {
    server.unref();
    process.env.AWS_ENDPOINT_URL_S3 = server.endpoint;
    process.env.AWS_REGION = 'us-east-1';
    process.env.AWS_ACCESS_KEY_ID = S3RVER_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = S3RVER_CREDENTIALS.secretAccessKey;
    return server;
  });
  return s3;
}

/** Settings that put a Keepsake's storage in a fresh prefix of the shared S3 server, whatever the stack. */
export async function s3StorageEnv(): Promise<Record<string, string>> {
  const server = await sharedS3Server();
  return {
    KEEPSAKE_STORAGE_URL: `s3://${server.bucket}/${randomBytes(6).toString('hex')}`,
    KEEPSAKE_S3_FORCE_PATH_STYLE: 'true',
  };
}

async function scaleOut(): Promise<StackServices> {
  const id = randomBytes(6).toString('hex');
  const [database, server] = await Promise.all([createTestDatabase(), sharedS3Server()]);
  const queuePrefix = `keepsake-test-${id}`;
  return {
    env: {
      KEEPSAKE_DATABASE_URL: database.url,
      KEEPSAKE_STORAGE_URL: `s3://${server.bucket}/${id}`,
      KEEPSAKE_S3_FORCE_PATH_STYLE: 'true',
      KEEPSAKE_QUEUE_URL: REDIS_URL,
      KEEPSAKE_QUEUE_PREFIX: queuePrefix,
    },
    release: async () => {
      await database.drop();
      await deleteRedisKeys(`${queuePrefix}:*`);
    },
  };
}

export async function deleteRedisKeys(pattern: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
