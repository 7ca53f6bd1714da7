import type { Kysely } from 'kysely';

// Things found in a photo (the objects step), one row per asset and name: a table, not JSON on
// `assets`, because the tag list and the tag timelines filter on it. See: [Note: Tags].
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('asset_tags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('confidence', 'real', (c) => c.notNull())
    .addUniqueConstraint('asset_tags_asset_name_unique', ['asset_id', 'name'])
    .execute();
  // A tag's assets (its timeline, its count); the owner is filtered on the joined asset.
  await db.schema.createIndex('asset_tags_name_idx').on('asset_tags').columns(['name']).execute();
}
