import type { Transaction } from 'kysely';
import type { TransactionScope, Transactor } from '../../../core/assets/asset-repository.js';
import type { NewJob } from '../../../core/ports/job-queue.js';
import type { DatabaseConnection } from '../dialect-features.js';
import type { Database } from '../schema.js';
import { toAsset, toNewAssetRow } from './asset-rows.js';
import { linkMotionPartIn } from './live-photo-links.js';
import { reopenIn } from './reprocess-rows.js';
import { attachSidecarIn } from './sidecar-rows.js';

/**
 * How jobs join a database transaction: the table queue inserts its rows in it; a queue on
 * another engine writes to an outbox table that is relayed after commit.
 */
export interface TransactionalEnqueuer {
  enqueueIn(trx: Transaction<Database>, job: NewJob): Promise<void>;
  wake(queue: string): void;
}

export class KyselyTransactor implements Transactor {
  constructor(
    private readonly connection: DatabaseConnection,
    private readonly jobs: TransactionalEnqueuer,
  ) {}

  async run<T>(
    work: (tx: TransactionScope) => Promise<T>,
    options: { durable?: boolean } = {},
  ): Promise<T> {
    const queued = new Set<string>();
    const result = await this.connection.db
      .transaction()
      .execute((trx) => work(this.scope(trx, queued)));
    if (options.durable) await this.connection.flushCommits();
    for (const queue of queued) this.jobs.wake(queue);
    return result;
  }

  private scope(trx: Transaction<Database>, queued: Set<string>): TransactionScope {
    return {
      lockContent: (checksum) => this.connection.features.lockContent(trx, checksum),
      findOwnedByChecksum: async (ownerId, checksum) => {
        const row = await trx
          .selectFrom('assets')
          .selectAll()
          .where('owner_id', '=', ownerId)
          .where('checksum', '=', checksum)
          .executeTakeFirst();
        return row && toAsset(row);
      },
      insertAsset: async (asset) => {
        await trx.insertInto('assets').values(toNewAssetRow(asset)).execute();
      },
      restore: async (id) => {
        await trx
          .updateTable('assets')
          .set({ trashed_at: null, updated_at: new Date().toISOString() })
          .where('id', '=', id)
          .execute();
      },
      deleteAsset: async (id) => {
        await trx.deleteFrom('assets').where('id', '=', id).execute();
      },
      countByChecksum: async (checksum) => {
        const row = await trx
          .selectFrom('assets')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('checksum', '=', checksum)
          .executeTakeFirstOrThrow();
        return Number(row.n);
      },
      linkMotionPart: (stillId, videoId) => linkMotionPartIn(trx, stillId, videoId),
      attachSidecar: (ownerId, id, key) => attachSidecarIn(trx, ownerId, id, key),
      reopen: (id, scope) => reopenIn(trx, id, scope),
      enqueue: async (job) => {
        await this.jobs.enqueueIn(trx, job);
        queued.add(job.queue);
      },
    };
  }
}
