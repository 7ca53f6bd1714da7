import { openPostgres } from '../../src/adapters/db/dialects/postgres.js';
import type { DatabaseConnection } from '../../src/adapters/db/dialect-features.js';
import { migrateToLatest } from '../../src/adapters/db/migrator.js';
import { TableJobQueue } from '../../src/adapters/queue/table-job-queue.js';
import { createTestDatabase } from '../helpers/postgres.js';
import { describeJobQueueConformance } from './job-queue.conformance.js';

describeJobQueueConformance('table (PostgreSQL)', async () => {
  const database = await createTestDatabase();
  const connections: DatabaseConnection[] = [];
  const open = async () => {
    const connection = await openPostgres(database.url);
    connections.push(connection);
    await migrateToLatest(connection);
    const queue = new TableJobQueue(connection.db, connection.features, {
      retryBaseMs: 30,
      pollIntervalMs: 20,
    });
    // As after a crash of the only worker process: its leases are not honoured.
    await queue.recoverStalled(true);
    return queue;
  };
  return {
    open,
    reopen: open,
    destroy: async () => {
      for (const c of connections) await c.close();
      await database.drop();
    },
  };
});
