import type { Kysely } from 'kysely';

// CLIP vectors for smart search, one per asset. See: [Note: One vector index per process].
// `key` names the vector in each process's usearch index: a new or renewed vector takes the next
// one, so an index catches up with `key > the highest it holds`. The vector is float32
// little-endian in base64: the same text on both databases (no pgvector here).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('asset_embeddings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) =>
      c.notNull().unique().references('assets.id').onDelete('cascade'),
    )
    .addColumn('key', 'integer', (c) => c.notNull().unique())
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('vector', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // An index's catching up and its count: by model, then key.
  await db.schema
    .createIndex('asset_embeddings_model_key_idx')
    .on('asset_embeddings')
    .columns(['model', 'key'])
    .execute();
}
