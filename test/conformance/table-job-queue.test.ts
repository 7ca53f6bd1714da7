import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../src/adapters/db/dialects/sqlite.js';
import type { DatabaseConnection } from '../../src/adapters/db/dialect-features.js';
import { migrateToLatest } from '../../src/adapters/db/migrator.js';
import { TableJobQueue } from '../../src/adapters/queue/table-job-queue.js';
import { describeJobQueueConformance } from './job-queue.conformance.js';

describeJobQueueConformance('table (SQLite)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-queue-'));
  const connections: DatabaseConnection[] = [];
  const open = async () => {
    const connection = openSqlite(join(dir, 'queue.db'));
    connections.push(connection);
    await migrateToLatest(connection);
    const queue = new TableJobQueue(connection.db, connection.features, {
      retryBaseMs: 30,
      pollIntervalMs: 20,
    });
    // As at an embedded start-up: nothing else can be running these jobs.
    await queue.recoverStalled(true);
    return queue;
  };
  return {
    open,
    reopen: open,
    destroy: async () => {
      for (const c of connections) await c.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
