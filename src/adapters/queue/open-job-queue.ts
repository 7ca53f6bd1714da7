import type { JobQueue } from '../../core/ports/job-queue.js';
import type { Logger } from '../../core/ports/logger.js';
import type { DatabaseConnection } from '../db/dialect-features.js';
import { redactPassword } from '../db/redact-password.js';
import type { TransactionalEnqueuer } from '../db/repositories/transactor.js';
import { BullmqJobQueue } from './bullmq-job-queue.js';
import { JobOutbox } from './job-outbox.js';
import { TableJobQueue } from './table-job-queue.js';

export interface OpenedJobQueue {
  queue: JobQueue;
  /** How a job joins the transaction that makes its asset. */
  enqueuer: TransactionalEnqueuer;
  close(graceMs?: number): Promise<void>;
}

export interface JobQueueSettings {
  /** `redis://...` for BullMQ; null keeps jobs in the database. */
  queueUrl: string | null;
  prefix: string;
  retryBaseMs: number;
  pollIntervalMs: number;
  /**
   * BullMQ: how often workers look for jobs whose worker died, and how long a job's lock outlives
   * its worker (renewed at half that). See: [Note: Stalled BullMQ jobs].
   */
  stalledIntervalMs: number;
  /** Finished jobs are kept this long (completed ones; BullMQ keeps failed ones until removed). */
  keepFinishedMs: number;
  /** The pipeline's queues, reported by counts() before any job reaches them. */
  queues: readonly string[];
  /** No other process can hold a job: take back at once what a crash left active. */
  soleProcess: boolean;
  /** Where the queue reports what goes wrong in the background. */
  logger?: Logger;
}

/**
 * The table queue in the database Keepsake already has, or BullMQ on Redis with an outbox table
 * that hands it jobs once their transaction has committed.
 */
export async function openJobQueue(
  connection: DatabaseConnection,
  settings: JobQueueSettings,
): Promise<OpenedJobQueue> {
  if (!settings.queueUrl) {
    const table = new TableJobQueue(connection.db, connection.features, {
      retryBaseMs: settings.retryBaseMs,
      pollIntervalMs: settings.pollIntervalMs,
      keepFinishedMs: settings.keepFinishedMs,
      logger: settings.logger,
    });
    await table.recoverStalled(settings.soleProcess);
    return { queue: table, enqueuer: table, close: (grace) => table.close(grace) };
  }
  await assertRedisAnswers(settings.queueUrl);
  const bull = new BullmqJobQueue(settings.queueUrl, {
    prefix: settings.prefix,
    retryBaseMs: settings.retryBaseMs,
    queues: settings.queues,
    keepCompletedMs: settings.keepFinishedMs,
    lockDurationMs: settings.stalledIntervalMs,
    stalledIntervalMs: settings.stalledIntervalMs,
    logger: settings.logger,
  });
  const outbox = new JobOutbox(connection.db, connection.features, bull, {
    logger: settings.logger,
  });
  outbox.start();
  return {
    queue: bull,
    enqueuer: outbox,
    close: async (grace) => {
      await outbox.close();
      await bull.close(grace);
    },
  };
}

/** ioredis retries forever by default; start-up should say at once that Redis is not there. */
async function assertRedisAnswers(url: string): Promise<void> {
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 5000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {}); // reported below, once
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new Error(
      `Redis at ${redactPassword(url)} is not reachable: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  } finally {
    client.disconnect();
  }
}
