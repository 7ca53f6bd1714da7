import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestDatabase } from '../test/helpers/postgres.js';
import { S3RVER_CREDENTIALS, startS3Server } from '../test/helpers/s3-server.js';
import { deleteRedisKeys, REDIS_URL } from '../test/helpers/stack.js';
import { ingestThrough, PARALLEL, type IngestRun } from './ingest.js';
import { startKeepsake, WORK, type Child } from './lib.js';

/**
 * Keepsake scaled out on one machine: one API process and `workers` worker processes (each with
 * the embedded server's job concurrency, as if each had a machine of its own), on PostgreSQL,
 * Redis (BullMQ) and s3rver, an S3 server written in Node that runs in the benchmark's process.
 * Same files, same clock as the embedded ingest.
 */
export async function ingestScaleOut(files: string[], workers: number): Promise<IngestRun> {
  const id = randomBytes(6).toString('hex');
  const [database, s3] = await Promise.all([createTestDatabase(), startS3Server('keepsake-bench')]);
  const env = {
    KEEPSAKE_DATABASE_URL: database.url,
    KEEPSAKE_STORAGE_URL: `s3://${s3.bucket}/${id}`,
    KEEPSAKE_S3_FORCE_PATH_STYLE: 'true',
    KEEPSAKE_QUEUE_URL: REDIS_URL,
    KEEPSAKE_QUEUE_PREFIX: `keepsake-bench-${id}`,
    KEEPSAKE_JOB_CONCURRENCY: String(PARALLEL),
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
  };
  const processes: Child[] = [];
  const dataDirs: string[] = [];
  const start = async (role: 'api' | 'worker', n: number) => {
    const dataDir = join(WORK, `scaleout-${role}-${n}`);
    dataDirs.push(dataDir);
    await rm(dataDir, { recursive: true, force: true });
    const child = await startKeepsake(
      `scaleout-${workers}w-${role}-${n}`,
      dataDir,
      { ...env, KEEPSAKE_ROLE: role },
      { compiled: true },
    );
    processes.push(child);
    return child;
  };
  try {
    const api = await start('api', 1);
    for (let n = 1; n <= workers; n++) await start('worker', n);
    return await ingestThrough(api, files);
  } finally {
    await Promise.all(processes.map((p) => p.stop()));
    await Promise.all(dataDirs.map((d) => rm(d, { recursive: true, force: true })));
    await s3.close();
    await database.drop();
    await deleteRedisKeys(`${env.KEEPSAKE_QUEUE_PREFIX}:*`);
  }
}
