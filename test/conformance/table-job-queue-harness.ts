import type { DatabaseConnection } from '../../src/adapters/db/dialect-features.js';
import { migrateToLatest } from '../../src/adapters/db/migrator.js';
import { TableJobQueue } from '../../src/adapters/queue/table-job-queue.js';
import type { JobQueueHarness } from './job-queue.conformance.js';

/**
 * The table queue on whichever database `connect` opens, for the conformance suite. Each open
 * starts as after a crash of the only worker process: leases left by the previous one are not
 * honoured.
 */
export function tableQueueHarness(
  connect: () => Promise<DatabaseConnection>,
  dropDatabase: () => Promise<void>,
): JobQueueHarness {
  const RETRY_BASE_MS = 150;
  const connections: DatabaseConnection[] = [];
  const open = async () => {
    const connection = await connect();
    connections.push(connection);
    await migrateToLatest(connection);
    const queue = new TableJobQueue(connection.db, connection.features, {
      retryBaseMs: RETRY_BASE_MS,
      pollIntervalMs: 20,
    });
    await queue.recoverStalled(true);
    return queue;
  };
  return {
    open,
    reopen: open,
    retryBaseMs: RETRY_BASE_MS,
    destroy: async () => {
      for (const c of connections) await c.close();
      await dropDatabase();
    },
  };
}
