import { sql, type Kysely } from 'kysely';
import type { DialectFeatures } from '../dialect-features.js';

// The schema every dialect shares; what differs comes from the dialect's features.
export async function up(db: Kysely<unknown>, dialect: DialectFeatures): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('assets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('original_file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('file_size', 'bigint', (c) => c.notNull())
    .addColumn('checksum', 'text', (c) => c.notNull())
    .addColumn('original_key', 'text', (c) => c.notNull())
    .addColumn('device_id', 'text')
    .addColumn('device_asset_id', 'text')
    .addColumn('file_created_at', 'text')
    .addColumn('file_modified_at', 'text')
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('taken_local', 'text', (c) => c.notNull())
    .addColumn('taken_offset_minutes', 'integer')
    .addColumn('taken_source', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('make', 'text')
    .addColumn('model', 'text')
    .addColumn('lens_model', 'text')
    .addColumn('f_number', 'double precision')
    .addColumn('exposure_time', 'double precision')
    .addColumn('iso', 'integer')
    .addColumn('focal_length', 'double precision')
    .addColumn('duration_ms', 'integer')
    .addColumn('thumbhash', 'text')
    .addColumn('thumbnail_key', 'text')
    .addColumn('preview_key', 'text')
    .addColumn('renditions_version', 'text')
    .addColumn('is_favorite', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('trashed_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('processing'))
    .addColumn('error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assets_owner_checksum_unique', ['owner_id', 'checksum'])
    .execute();

  // The timeline's month pages: visible assets of one owner, newest first. It covers every column
  // a page returns, so a page is read from the index alone, without a table lookup per row.
  await db.schema
    .createIndex('assets_timeline_idx')
    .on('assets')
    .columns([
      'owner_id',
      'month',
      'taken_local desc',
      'id desc',
      'taken_offset_minutes',
      'width',
      'height',
      'thumbhash',
      'renditions_version',
      'type',
      'duration_ms',
      'is_favorite',
      'is_archived',
      'trashed_at',
    ])
    .where(sql.ref('is_archived'), '=', 0)
    .where(sql.ref('trashed_at'), 'is', null)
    .execute();
  await db.schema.createIndex('assets_checksum_idx').on('assets').column('checksum').execute();
  await db.schema
    .createIndex('assets_trashed_idx')
    .on('assets')
    .columns(['trashed_at'])
    .where(sql.ref('trashed_at'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('assets_owner_listing_idx')
    .on('assets')
    .columns(['owner_id', 'taken_local desc', 'id desc'])
    .execute();

  // Visible-asset counts per owner and month, kept by triggers (see the dialect), so the bucket
  // list reads a few hundred rows instead of counting a million.
  await db.schema
    .createTable('timeline_buckets')
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('timeline_buckets_pk', ['owner_id', 'month'])
    .execute();

  await db.schema
    .createTable('jobs')
    .addColumn('id', dialect.autoIncrementType, (c) => dialect.autoIncrement(c.primaryKey()))
    .addColumn('queue', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .addColumn('lock_token', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema
    .createIndex('jobs_take_idx')
    .on('jobs')
    .columns(['queue', 'status', 'run_at', 'id'])
    .execute();

  const visibleRule = {
    columns: ['is_archived', 'trashed_at'],
    visible: (row: string) => `${row}.is_archived = 0 AND ${row}.trashed_at IS NULL`,
  };
  for (const statement of dialect.timelineBucketTriggers(visibleRule))
    await sql.raw(statement).execute(db);
}
