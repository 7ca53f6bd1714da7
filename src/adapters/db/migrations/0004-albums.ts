import type { Kysely } from 'kysely';

// Albums: a named set of photos. An album only points at assets, so deleting it never deletes a
// photo; purging an asset takes it out of every album (the cascade on album_assets.asset_id).
// Who may see or change an album is decided in one place (AlbumRepository.roleOf), so sharing
// (an album_users table with viewer/editor roles) joins there without changing these tables.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('albums')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // A chosen cover; null (or a cover no longer shown in the album) means the newest photo.
    .addColumn('cover_asset_id', 'text', (c) => c.references('assets.id').onDelete('set null'))
    .addColumn('sort_order', 'text', (c) => c.notNull().defaultTo('newest-first'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('albums_owner_idx')
    .on('albums')
    .columns(['owner_id', 'updated_at'])
    .execute();

  // An id of its own (besides the album/asset pair, unique): every copied table is read and
  // written in id order when an installation moves (installation-move/copied-tables.ts).
  await db.schema
    .createTable('album_assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('album_id', 'text', (c) => c.notNull().references('albums.id').onDelete('cascade'))
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    // Who added it: with shared albums, an editor may take out what they added.
    .addColumn('added_by', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('album_assets_album_asset_unique', ['album_id', 'asset_id'])
    .execute();
  // "Which albums hold this asset", and the cascade when an asset is purged.
  await db.schema
    .createIndex('album_assets_asset_idx')
    .on('album_assets')
    .column('asset_id')
    .execute();
}
