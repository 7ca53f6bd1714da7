import type { Kysely } from 'kysely';
import type { DialectFeatures } from '../dialect-features.js';

// Jobs written in the transaction of the rows they concern, for a queue outside the database
// (BullMQ), and relayed to it after commit. See: [Note: Job outbox] in adapters/queue/job-outbox.ts.
export async function up(db: Kysely<unknown>, dialect: DialectFeatures): Promise<void> {
  await db.schema
    .createTable('job_outbox')
    .addColumn('id', dialect.autoIncrementType, (c) => dialect.autoIncrement(c.primaryKey()))
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('max_attempts', 'integer')
    .addColumn('delay_ms', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
