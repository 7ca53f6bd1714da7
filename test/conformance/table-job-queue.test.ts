import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '../../src/adapters/db/dialects/sqlite.js';
import { describeJobQueueConformance } from './job-queue.conformance.js';
import { tableQueueHarness } from './table-job-queue-harness.js';

describeJobQueueConformance('table (SQLite)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-queue-'));
  return tableQueueHarness(
    async () => openSqlite(join(dir, 'queue.db')),
    () => rm(dir, { recursive: true, force: true }),
  );
});
