import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Points the still at its motion part and hides the part, on a connection or in a transaction.
 * Idempotent: two workers pairing the same halves write the same values.
 * See: [Note: Live Photos and motion photos] in core/live-photos/live-photo-linker.ts.
 */
export async function linkMotionPartIn(
  db: Kysely<Database>,
  stillId: string,
  videoId: string,
): Promise<void> {
  const updatedAt = new Date().toISOString();
  await db
    .updateTable('assets')
    .set({ is_hidden: 1, updated_at: updatedAt })
    .where('id', '=', videoId)
    .where('is_hidden', '=', 0)
    .execute();
  await db
    .updateTable('assets')
    .set({ live_photo_video_id: videoId, updated_at: updatedAt })
    .where('id', '=', stillId)
    .where((eb) =>
      eb.or([eb('live_photo_video_id', 'is', null), eb('live_photo_video_id', '!=', videoId)]),
    )
    .execute();
}
