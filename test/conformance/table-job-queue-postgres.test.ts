import { openPostgres } from '../../src/adapters/db/dialects/postgres.js';
import { createTestDatabase } from '../helpers/postgres.js';
import { describeJobQueueConformance } from './job-queue.conformance.js';
import { tableQueueHarness } from './table-job-queue-harness.js';

describeJobQueueConformance('table (PostgreSQL)', async () => {
  const database = await createTestDatabase();
  return tableQueueHarness(() => openPostgres(database.url), database.drop);
});
