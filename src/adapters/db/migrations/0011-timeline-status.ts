import { sql, type Kysely } from 'kysely';

// What a timeline page now also returns, and a stored value that was wrong.
// - The asset's status: a grid asks for a thumbnail only once there is one, shows a placeholder
//   while processing and marks a failed asset (web: [Note: Tiles without a thumbnail]). The
//   timeline index is rebuilt to cover it too, so a month page stays one index range scan.
// - Still photos lose the duration their container declared (ExifTool reads 1 s from a Canon
//   CR3's QuickTime header); the metadata step no longer stores one for a still.
export async function up(db: Kysely<unknown>): Promise<void> {
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
      'status',
    ])
    .where(sql.ref('is_archived'), '=', 0)
    .where(sql.ref('trashed_at'), 'is', null)
    .where(sql.ref('is_hidden'), '=', 0)
    .execute();

  await sql`UPDATE assets SET duration_ms = NULL WHERE type = 'image' AND duration_ms IS NOT NULL`.execute(
    db,
  );
}
