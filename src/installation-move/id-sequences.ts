import { sql } from 'kysely';
import type { DatabaseConnection } from '../adapters/db/dialect-features.js';
import type { Database } from '../adapters/db/schema.js';

/**
 * Moves each table's id sequence past the ids the move wrote. A `bigserial` column draws from a
 * sequence that explicit ids do not advance, so without this the target's first new job would
 * take id 1 and collide with a copied one. SQLite's AUTOINCREMENT follows explicit ids by itself.
 */
export async function advanceIdSequences(
  target: DatabaseConnection,
  tables: readonly (keyof Database)[],
): Promise<void> {
  if (target.features.autoIncrementType !== 'bigserial') return;
  for (const table of new Set(tables)) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'),
      coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(target.db);
  }
}
