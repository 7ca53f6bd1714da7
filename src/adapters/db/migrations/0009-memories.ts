import type { Kysely } from 'kysely';

// Memories computed by the daily job (and stored on demand for today): see [Note: On this day]
// and [Note: Daily memories] in core/memories/.
// - `memories`: one owner's pick for one day (`YYYY-MM-DD`, the server's local date), as JSON
//   `[{"year":2024,"assetIds":["…"]}]` (newest year first, each in the order shown), with a
//   fingerprint of the candidates it was chosen from, so a reader can tell when photos came
//   into or left the day since. One row per owner and day, empty picks included.
// - `memory_runs`: one row per day whose job was queued, inserted in the same transaction as the
//   job, so that every worker process may try each hour and only one job is ever queued.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('memories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('years', 'text', (c) => c.notNull())
    .addColumn('candidates', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('memories_owner_day_unique', ['owner_id', 'day'])
    .execute();
  // Pruning old days.
  await db.schema.createIndex('memories_day_idx').on('memories').column('day').execute();

  await db.schema
    .createTable('memory_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .execute();
}
