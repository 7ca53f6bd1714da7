import { sql, type Kysely } from 'kysely';
import type { DialectFeatures } from '../dialect-features.js';

// What issue 4's formats add to an asset: video codecs and how it plays in a browser, the
// identifiers that pair a Live Photo's halves and group a burst, and what an XMP sidecar says.
// A hidden asset (a Live Photo's motion part) is kept and played through its still, but no
// timeline, listing or month count shows it.
export async function up(db: Kysely<unknown>, dialect: DialectFeatures): Promise<void> {
  const columns: [string, 'text' | 'integer' | 'double precision'][] = [
    ['video_codec', 'text'],
    ['audio_codec', 'text'],
    ['frame_rate', 'double precision'],
    ['playback_status', 'text'],
    ['playback_key', 'text'],
    ['hls_key', 'text'],
    ['playback_error', 'text'],
    ['content_id', 'text'],
    ['burst_id', 'text'],
    ['live_photo_video_id', 'text'],
    ['sidecar_key', 'text'],
    ['description', 'text'],
    ['rating', 'integer'],
    ['keywords', 'text'],
    // The town at the GPS position, as JSON: see [Note: Place names].
    ['place', 'text'],
  ];
  for (const [name, type] of columns)
    await db.schema.alterTable('assets').addColumn(name, type).execute();
  await db.schema
    .alterTable('assets')
    .addColumn('is_hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  // Pairing looks a Live Photo's other half up by owner and content identifier.
  await db.schema
    .createIndex('assets_content_id_idx')
    .on('assets')
    .columns(['owner_id', 'content_id'])
    .where(sql.ref('content_id'), 'is not', null)
    .execute();

  for (const statement of dialect.dropTimelineBucketTriggers) await sql.raw(statement).execute(db);
  const visibleRule = {
    columns: ['is_archived', 'trashed_at', 'is_hidden'],
    visible: (row: string) =>
      `${row}.is_archived = 0 AND ${row}.trashed_at IS NULL AND ${row}.is_hidden = 0`,
  };
  for (const statement of dialect.timelineBucketTriggers(visibleRule))
    await sql.raw(statement).execute(db);

  // The timeline index as in 0001, now also leaving hidden assets out (and covering the new
  // live-photo link and place, which a timeline page returns).
  await db.schema.dropIndex('assets_timeline_idx').execute();
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
      'live_photo_video_id',
      'place',
    ])
    .where(sql.ref('is_archived'), '=', 0)
    .where(sql.ref('trashed_at'), 'is', null)
    .where(sql.ref('is_hidden'), '=', 0)
    .execute();

  // Failed assets, which the admin page counts every few seconds and "retry failed" walks in id
  // order: a handful of rows among millions, so a partial index keeps both to an index scan.
  await db.schema
    .createIndex('assets_failed_idx')
    .on('assets')
    .column('id')
    .where(sql.ref('status'), '=', 'failed')
    .execute();
}
