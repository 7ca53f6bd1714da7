import type { Kysely, Selectable, Transaction } from 'kysely';
import type { JobPayload, NewJob } from '../../core/ports/job-queue.js';
import type { DialectFeatures } from '../db/dialect-features.js';
import type { TransactionalEnqueuer } from '../db/repositories/transactor.js';
import type { Database, JobOutboxTable } from '../db/schema.js';
import type { Logger } from '../../core/ports/logger.js';
import { fallbackLogger } from '../logging/pino-logger.js';

/*
 * [Note: Job outbox]
 * An upload inserts its asset and queues its first job in one transaction, but Redis is not in
 * that transaction. So the job is written to `job_outbox` in it, and a relay adds outbox rows to
 * the queue after commit and then deletes them: a rolled-back transaction leaves no job, a
 * committed one always gets its job. The relay runs when the transaction's process wakes it and,
 * for rows a crash left between commit and relay, on a periodic sweep.
 *
 * A row may be added more than once: a relay that dies after adding and before deleting, or two
 * processes relaying the same rows (SQLite has no SKIP LOCKED to keep them apart). Each row is
 * added under the job id `outbox-<row id>-<created ms>`, and the queue stores a job added again
 * under an id it holds only once, so it still runs once. The creation time is in the id because
 * row ids start again at 1 in a database restored or recreated beside the same Redis, and BullMQ
 * would take a new job under an old finished job's id for that job, and never run it.
 */

/** A queue that stores a job added twice under the same id once (BullMQ). */
export interface IdempotentJobQueue {
  enqueue(job: NewJob, options: { jobId: string }): Promise<void>;
}

export interface JobOutboxOptions {
  /** How often the sweep relays rows that no wake-up relayed (left by a crash). */
  sweepIntervalMs?: number;
  /** Rows read, added and deleted per round trip. */
  batchSize?: number;
  /** Where failures in the background go (a worker that stopped, a lost connection). */
  logger?: Logger;
}

type OutboxRow = Selectable<JobOutboxTable>;

/** Queues jobs inside database transactions for a queue outside the database. */
export class JobOutbox implements TransactionalEnqueuer {
  private readonly options: Required<JobOutboxOptions>;
  private lastPass: Promise<unknown> = Promise.resolve();
  private nextPass: Promise<number> | undefined;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly features: DialectFeatures,
    private readonly queue: IdempotentJobQueue,
    options: JobOutboxOptions = {},
  ) {
    this.options = {
      sweepIntervalMs: 30_000,
      batchSize: 100,
      ...options,
      logger: options.logger ?? fallbackLogger(),
    };
  }

  async enqueueIn(trx: Transaction<Database>, job: NewJob): Promise<void> {
    await trx
      .insertInto('job_outbox')
      .values({
        queue: job.queue,
        name: job.name,
        payload: JSON.stringify(job.payload),
        max_attempts: job.maxAttempts ?? null,
        delay_ms: job.delayMs ?? null,
        created_at: new Date().toISOString(),
      })
      .execute();
  }

  /** Called after the transaction commits: relays its rows now rather than at the next sweep. */
  wake(_queue: string): void {
    this.relayInBackground();
  }

  /** Relays what is in the outbox now (rows a crash left too), then every `sweepIntervalMs`. */
  start(): void {
    if (this.sweeper) return;
    this.relayInBackground();
    this.sweeper = setInterval(() => this.relayInBackground(), this.options.sweepIntervalMs);
    this.sweeper.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    await this.lastPass;
  }

  /**
   * Adds every outbox row to the queue and deletes it; resolves with how many it relayed. One
   * pass runs at a time; calls made during a pass share one more pass after it, which reads the
   * table afresh, so a row committed before the call is relayed when it resolves.
   */
  relay(): Promise<number> {
    if (!this.nextPass) {
      const pass = this.lastPass.then(() => {
        this.nextPass = undefined;
        return this.relayAll();
      });
      this.nextPass = pass;
      this.lastPass = pass.catch(() => {});
    }
    return this.nextPass;
  }

  private relayInBackground(): void {
    this.relay().catch((error) => {
      this.options.logger.error(
        { err: error },
        'job outbox relay failed (the sweep will try again)',
      );
    });
  }

  private async relayAll(): Promise<number> {
    let relayed = 0;
    for (;;) {
      const batch = await this.relayBatch();
      relayed += batch;
      if (batch < this.options.batchSize) return relayed;
    }
  }

  private async relayBatch(): Promise<number> {
    const batch = this.features.supportsSkipLocked
      ? // Rows stay locked until deleted, so other relays skip them instead of adding them too.
        await this.db.transaction().execute((trx) => this.relayRows(trx, true))
      : await this.relayRows(this.db, false);
    // Thrown after the deletes are committed: a row that cannot be added stays for the next
    // pass without holding back the rows that were added.
    if (batch.failure) throw batch.failure;
    return batch.read;
  }

  private async relayRows(
    db: Kysely<Database>,
    skipLocked: boolean,
  ): Promise<{ read: number; failure?: unknown }> {
    let select = db
      .selectFrom('job_outbox')
      .selectAll()
      .orderBy('id')
      .limit(this.options.batchSize);
    if (skipLocked) select = select.forUpdate().skipLocked();
    const rows = await select.execute();
    if (rows.length === 0) return { read: 0 };
    const added = await Promise.allSettled(
      rows.map((row) => this.queue.enqueue(toNewJob(row), { jobId: outboxJobId(row) })),
    );
    const relayed = rows.filter((_, i) => added[i]!.status === 'fulfilled');
    if (relayed.length > 0) {
      await db
        .deleteFrom('job_outbox')
        .where(
          'id',
          'in',
          relayed.map((row) => row.id),
        )
        .execute();
    }
    const failed = added.find((result) => result.status === 'rejected');
    return { read: rows.length, failure: failed?.reason };
  }
}

function toNewJob(row: OutboxRow): NewJob {
  const job: NewJob = {
    name: row.name,
    queue: row.queue,
    payload: JSON.parse(row.payload) as JobPayload,
  };
  if (row.max_attempts !== null) job.maxAttempts = Number(row.max_attempts);
  if (row.delay_ms !== null) {
    // A row relayed late (after a crash) waits only for what is left of its delay.
    const dueAt = Date.parse(row.created_at) + Number(row.delay_ms);
    job.delayMs = Math.max(0, dueAt - Date.now());
  }
  return job;
}

const outboxJobId = (row: OutboxRow): string => `outbox-${row.id}-${Date.parse(row.created_at)}`;
