import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  Job,
  JobHandlerFn,
  JobQueue,
  JobQueueCapabilities,
  NewJob,
  QueueCounts,
} from '../../core/ports/job-queue.js';
import type { DialectFeatures } from '../db/dialect-features.js';
import type { Database, JobsTable } from '../db/schema.js';
import { errorMessage } from '../../core/errors.js';
import type { Logger } from '../../core/ports/logger.js';
import { fallbackLogger } from '../logging/pino-logger.js';

export interface TableJobQueueOptions {
  /** How often idle workers look for due jobs (new jobs wake them at once). */
  pollIntervalMs?: number;
  /** First retry delay; doubles with every attempt. */
  retryBaseMs?: number;
  /** A taken job whose lease runs out (its process died) is taken again. */
  leaseMs?: number;
  defaultMaxAttempts?: number;
  /** Finished jobs are kept this long for counts and inspection. */
  keepFinishedMs?: number;
  /** Where failures in the background go (a worker that stopped, a lost connection). */
  logger?: Logger;
}

/**
 * A durable job queue in the application's own database: the embedded mode's queue. Jobs are
 * rows; a worker takes one by flipping it to `active` with a lease in a single UPDATE, so a job
 * is never taken twice, and a crash leaves it to be taken again when the lease ends.
 */
export class TableJobQueue implements JobQueue {
  readonly capabilities: JobQueueCapabilities = { delayedJobs: true };
  private readonly options: Required<TableJobQueueOptions>;
  private readonly sleepers = new Map<string, Set<() => void>>();
  private readonly running = new Set<Promise<void>>();
  private readonly activeJobs = new Set<number>();
  private closed = false;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly features: DialectFeatures,
    options: TableJobQueueOptions = {},
  ) {
    this.options = {
      pollIntervalMs: 1000,
      retryBaseMs: 5000,
      leaseMs: 10 * 60_000,
      defaultMaxAttempts: 5,
      keepFinishedMs: 24 * 3_600_000,
      ...options,
      logger: options.logger ?? fallbackLogger(),
    };
  }

  async enqueue(job: NewJob): Promise<void> {
    await this.enqueueIn(this.db, job);
    this.wake(job.queue);
  }

  /** Inserts the job inside the caller's transaction; call `wake` after it commits. */
  async enqueueIn(db: Kysely<Database> | Transaction<Database>, job: NewJob): Promise<void> {
    const now = Date.now();
    await db
      .insertInto('jobs')
      .values({
        queue: job.queue,
        name: job.name,
        payload: JSON.stringify(job.payload),
        status: 'waiting',
        max_attempts: job.maxAttempts ?? this.options.defaultMaxAttempts,
        run_at: new Date(now + (job.delayMs ?? 0)).toISOString(),
        created_at: new Date(now).toISOString(),
      })
      .execute();
  }

  wake(queue: string): void {
    const sleepers = this.sleepers.get(queue);
    if (!sleepers) return;
    for (const wakeUp of sleepers) wakeUp();
    sleepers.clear();
  }

  /**
   * Puts back jobs whose lease ran out. With `all`, every active job: right for the embedded
   * mode at start-up, where no other process can be running them.
   */
  async recoverStalled(all = false): Promise<number> {
    let q = this.db
      .updateTable('jobs')
      .set({ status: 'waiting', locked_until: null, lock_token: null })
      .where('status', '=', 'active');
    if (!all) q = q.where('locked_until', '<', new Date().toISOString());
    const result = await q.executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  work(queue: string, concurrency: number, handler: JobHandlerFn): void {
    this.startSweeper();
    for (let i = 0; i < concurrency; i++) {
      const loop = this.workLoop(queue, handler).catch((error) => {
        if (!this.closed) this.options.logger.error({ err: error, queue }, 'job worker stopped');
      });
      this.running.add(loop);
      void loop.finally(() => this.running.delete(loop));
    }
  }

  async counts(): Promise<Record<string, QueueCounts>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['queue', 'status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['queue', 'status'])
      .execute();
    const counts: Record<string, QueueCounts> = {};
    for (const row of rows) {
      const entry = (counts[row.queue] ??= { waiting: 0, active: 0, completed: 0, failed: 0 });
      if (row.status in entry) entry[row.status as keyof QueueCounts] = Number(row.n);
    }
    return counts;
  }

  async close(graceMs = 10_000): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    for (const queue of this.sleepers.keys()) this.wake(queue);
    const all = Promise.all(this.running);
    const timedOut = await Promise.race([
      all.then(() => false),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref()),
    ]);
    if (timedOut && this.activeJobs.size > 0) {
      // Release what is still running so the next start takes it at once, not after the lease.
      await this.db
        .updateTable('jobs')
        .set({ status: 'waiting', locked_until: null, lock_token: null })
        .where('id', 'in', [...this.activeJobs])
        .where('status', '=', 'active')
        .execute();
    }
  }

  private async workLoop(queue: string, handler: JobHandlerFn): Promise<void> {
    while (!this.closed) {
      const row = await this.take(queue);
      if (!row) {
        await this.sleep(queue);
        continue;
      }
      await this.runJob(row, handler);
    }
  }

  private async take(queue: string): Promise<Selectable<JobsTable> | undefined> {
    const now = new Date();
    return this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'active',
        attempts: eb('attempts', '+', 1),
        locked_until: new Date(now.getTime() + this.options.leaseMs).toISOString(),
        lock_token: crypto.randomUUID(),
      }))
      .where('id', '=', (eb) => {
        const next = eb
          .selectFrom('jobs')
          .select('id')
          .where('queue', '=', queue)
          .where('status', '=', 'waiting')
          .where('run_at', '<=', now.toISOString())
          .orderBy('run_at')
          .orderBy('id')
          .limit(1);
        return this.features.supportsSkipLocked ? next.forUpdate().skipLocked() : next;
      })
      .where('status', '=', 'waiting')
      .returningAll()
      .executeTakeFirst();
  }

  private async runJob(row: Selectable<JobsTable>, handler: JobHandlerFn): Promise<void> {
    const id = Number(row.id);
    const token = row.lock_token!;
    this.activeJobs.add(id);
    const heartbeat = setInterval(() => void this.extendLease(id, token), this.options.leaseMs / 3);
    const job: Job = {
      id: String(id),
      name: row.name,
      queue: row.queue,
      payload: JSON.parse(row.payload) as Job['payload'],
      attempt: Number(row.attempts),
      maxAttempts: Number(row.max_attempts),
    };
    try {
      const outcome = await handler(job);
      await this.finish(
        id,
        token,
        outcome.status,
        outcome.status === 'failed' ? outcome.reason : null,
      );
    } catch (error) {
      const reason = errorMessage(error);
      if (job.attempt >= job.maxAttempts) {
        await this.finish(id, token, 'failed', reason);
      } else {
        const delay = this.options.retryBaseMs * 2 ** (job.attempt - 1);
        await this.db
          .updateTable('jobs')
          .set({
            status: 'waiting',
            locked_until: null,
            lock_token: null,
            last_error: reason,
            run_at: new Date(Date.now() + delay).toISOString(),
          })
          .where('id', '=', id)
          .where('lock_token', '=', token)
          .execute();
        setTimeout(() => this.wake(job.queue), delay + 5).unref();
      }
    } finally {
      clearInterval(heartbeat);
      this.activeJobs.delete(id);
    }
  }

  // Only the worker holding the job's token may finish it: a job that was released (or taken
  // again after its lease ran out) is never completed twice.
  private async finish(
    id: number,
    token: string,
    status: 'completed' | 'failed',
    reason: string | null,
  ): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({
        status,
        last_error: reason,
        locked_until: null,
        lock_token: null,
        finished_at: new Date().toISOString(),
      })
      .where('id', '=', id)
      .where('lock_token', '=', token)
      .execute();
  }

  private async extendLease(id: number, token: string): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({ locked_until: new Date(Date.now() + this.options.leaseMs).toISOString() })
      .where('id', '=', id)
      .where('lock_token', '=', token)
      .execute()
      .catch(() => {});
  }

  private sleep(queue: string): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const sleepers = this.sleepers.get(queue) ?? new Set();
      this.sleepers.set(queue, sleepers);
      const timer = setTimeout(done, this.options.pollIntervalMs);
      function done() {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      }
      sleepers.add(done);
    });
  }

  private startSweeper(): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      void this.recoverStalled().catch(() => {});
      void this.db
        .deleteFrom('jobs')
        .where('status', '=', 'completed')
        .where('finished_at', '<', new Date(Date.now() - this.options.keepFinishedMs).toISOString())
        .execute()
        .catch(() => {});
    }, 60_000);
    this.sweeper.unref();
  }
}
