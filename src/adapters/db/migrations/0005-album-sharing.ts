import { sql, type Kysely } from 'kysely';

// Shared albums: who besides the owner may see an album (viewer) or add their own photos to it
// (editor), and what members say about it (comments and likes). Access is still decided in one
// place, AlbumRepository.roleOf, which reads album_users. See: [Note: Album access].
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('album_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('album_id', 'text', (c) => c.notNull().references('albums.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    /** 'viewer' | 'editor' */
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('album_users_album_user_unique', ['album_id', 'user_id'])
    .execute();
  // "Albums shared with me", for the albums list and asset reads through an album.
  await db.schema.createIndex('album_users_user_idx').on('album_users').column('user_id').execute();

  await db.schema
    .createTable('album_activity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('album_id', 'text', (c) => c.notNull().references('albums.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // A comment or like on one photo of the album; null: on the album itself.
    .addColumn('asset_id', 'text', (c) => c.references('assets.id').onDelete('cascade'))
    /** 'comment' | 'like' */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('album_activity_album_time_idx')
    .on('album_activity')
    .columns(['album_id', 'created_at', 'id'])
    .execute();
  // One like per person and photo (or album). NULLs are distinct in a unique index on both
  // databases, so the album-wide like (asset_id null) is indexed as ''.
  await sql`create unique index album_activity_like_unique on album_activity (album_id, user_id, coalesce(asset_id, '')) where kind = 'like'`.execute(
    db,
  );
}
