import type { Kysely } from 'kysely';

// Shared links: anyone holding a link's key sees an album or a chosen set of photos, without an
// account. Only the SHA-256 of the key is stored (like API keys), so the table cannot hand a link
// out again. A link is revoked by stamping `revoked_at`, which makes it answer like an unknown one
// at once while the owner's list still shows it. See: [Note: Shared link access].
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shared_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    // Null: a selection link (its photos in shared_link_assets).
    .addColumn('album_id', 'text', (c) => c.references('albums.id').onDelete('cascade'))
    .addColumn('expires_at', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('allow_download', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('allow_upload', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hide_location', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createIndex('shared_links_owner_idx')
    .on('shared_links')
    .columns(['owner_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('shared_link_assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('link_id', 'text', (c) =>
      c.notNull().references('shared_links.id').onDelete('cascade'),
    )
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addUniqueConstraint('shared_link_assets_link_asset_unique', ['link_id', 'asset_id'])
    .execute();
  // The cascade when an asset is purged.
  await db.schema
    .createIndex('shared_link_assets_asset_idx')
    .on('shared_link_assets')
    .column('asset_id')
    .execute();
}
