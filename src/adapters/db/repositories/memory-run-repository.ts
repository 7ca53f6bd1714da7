import type { Kysely } from 'kysely';
import type { DailyMemoryRuns } from '../../../core/memories/daily-memories.js';
import type { NewJob } from '../../../core/ports/job-queue.js';
import type { Database } from '../schema.js';
import type { TransactionalEnqueuer } from './transactor.js';

/** See: [Note: Daily memories]. */
export class KyselyDailyMemoryRuns implements DailyMemoryRuns {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly jobs: TransactionalEnqueuer,
  ) {}

  async queueOnce(day: string, job: NewJob): Promise<boolean> {
    const queued = await this.db.transaction().execute(async (trx) => {
      // Two processes at once: PostgreSQL holds the second insert until the first commits, then
      // skips it; SQLite runs one write transaction at a time.
      const inserted = await trx
        .insertInto('memory_runs')
        .values({ id: day, queued_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('id').doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!inserted) return false;
      await this.jobs.enqueueIn(trx, job);
      return true;
    });
    if (queued) this.jobs.wake(job.queue);
    return queued;
  }

  async activeOwnerIds(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('users')
      .select('id')
      .where('disabled_at', 'is', null)
      .where('delete_after', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async pruneBefore(day: string): Promise<void> {
    await this.db.deleteFrom('memories').where('day', '<', day).execute();
    await this.db.deleteFrom('memory_runs').where('id', '<', day).execute();
  }
}
