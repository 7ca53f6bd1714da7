import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '../src/adapters/db/open-database.js';
import { migrateToLatest } from '../src/adapters/db/migrator.js';
import { KyselyTransactor } from '../src/adapters/db/repositories/transactor.js';
import { openJobQueue } from '../src/adapters/queue/open-job-queue.js';
import { createTestDatabase } from '../test/helpers/postgres.js';
import { deleteRedisKeys, REDIS_URL } from '../test/helpers/stack.js';
import { PARALLEL } from './ingest.js';
import { pool, sleep, WORK } from './lib.js';

export type QueueStack = 'embedded' | 'bullmq';

export interface QueueOverhead {
  jobs: number;
  seconds: number;
  msPerJob: number;
  /** BullMQ only: Redis memory per completed job while it is kept (24 h by default). */
  redisBytesPerJob?: number;
}

/**
 * What the queue itself costs a job, with handlers that do nothing: each job is queued in its own
 * database transaction, four at a time (as uploads queue their first step), and taken by
 * PARALLEL workers. `embedded` is the table queue in SQLite; `bullmq` is the outbox in PostgreSQL
 * relayed to BullMQ on Redis, the scale-out path. An asset costs two jobs (metadata, thumbnails).
 */
export async function measureQueueOverhead(
  stack: QueueStack,
  jobs: number,
): Promise<QueueOverhead> {
  const id = randomBytes(6).toString('hex');
  const sqlitePath = join(WORK, `queue-overhead-${id}.db`);
  const postgres = stack === 'bullmq' ? await createTestDatabase() : undefined;
  const connection = await openDatabase(postgres?.url ?? sqlitePath);
  try {
    await migrateToLatest(connection);
    const opened = await openJobQueue(connection, {
      queueUrl: stack === 'bullmq' ? REDIS_URL : null,
      prefix: `keepsake-bench-${id}`,
      retryBaseMs: 1000,
      pollIntervalMs: 1000,
      stalledIntervalMs: 30_000,
      keepFinishedMs: 24 * 3_600_000, // the default: Redis memory per kept job is measured
      queues: ['bench'],
      soleProcess: stack === 'embedded',
    });
    try {
      const transactor = new KyselyTransactor(connection, opened.enqueuer);
      let done = 0;
      opened.queue.work('bench', PARALLEL, async () => {
        done++;
        return { status: 'completed' };
      });
      const redisBefore = stack === 'bullmq' ? await redisUsedMemory() : 0;
      const started = performance.now();
      await pool(
        Array.from({ length: jobs }, (_, i) => i),
        4,
        (i) =>
          transactor.run((tx) => tx.enqueue({ name: 'bench', queue: 'bench', payload: { i } })),
      );
      while (done < jobs) await sleep(5);
      const seconds = (performance.now() - started) / 1000;
      const counts = (await opened.queue.counts()).bench;
      if (counts?.completed !== jobs)
        throw new Error(`${stack}: ${counts?.completed} of ${jobs} jobs completed`);
      const redisBytesPerJob =
        stack === 'bullmq' ? ((await redisUsedMemory()) - redisBefore) / jobs : undefined;
      return { jobs, seconds, msPerJob: (seconds * 1000) / jobs, redisBytesPerJob };
    } finally {
      await opened.close(1000);
    }
  } finally {
    await connection.close();
    await postgres?.drop();
    if (stack === 'bullmq') await deleteRedisKeys(`keepsake-bench-${id}:*`);
    await rm(sqlitePath, { force: true });
    for (const suffix of ['-wal', '-shm']) await rm(sqlitePath + suffix, { force: true });
  }
}

async function redisUsedMemory(): Promise<number> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(REDIS_URL);
  try {
    const info = await redis.info('memory');
    return Number(/^used_memory:(\d+)/m.exec(info)?.[1] ?? NaN);
  } finally {
    redis.disconnect();
  }
}
