import type { Kysely } from 'kysely';

// The text read in a photo (the ocr step), one row per asset. `text` is what a text search will
// index; `words` (JSON: each word with its box and confidence) is only shown, never filtered on.
// See: [Note: Text in photos].
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('asset_texts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) =>
      c.notNull().unique().references('assets.id').onDelete('cascade'),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
