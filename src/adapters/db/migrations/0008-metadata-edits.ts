import { sql, type Kysely } from 'kysely';

// Metadata edits and "on this day" memories.
// - `edited_fields`: which of an asset's described values the owner changed by hand (a JSON array
//   of 'takenAt' | 'location' | 'description' | 'rating'), so that reading the file or a sidecar
//   again keeps them: see [Note: Metadata edits] in core/assets/metadata-edits.ts.
// - Memories look an owner's photos up by the month and day of their local capture time, in
//   earlier years: an index on that very expression (same text in both engines: substr is
//   1-based and immutable in SQLite and PostgreSQL) makes it one index range per user and day.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('assets').addColumn('edited_fields', 'text').execute();
  await sql`CREATE INDEX assets_month_day_idx ON assets (owner_id, (substr(taken_local, 6, 5)))`.execute(
    db,
  );
}
