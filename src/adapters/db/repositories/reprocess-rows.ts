import type { Kysely } from 'kysely';
import type { AssetStatus } from '../../../core/assets/asset.js';
import type { Database } from '../schema.js';

/**
 * As TransactionScope.reopen: one conditional UPDATE, so of two requests at once only one
 * reopens the asset (and queues its run). See: [Note: Processing again].
 */
export async function reopenIn(
  db: Kysely<Database>,
  id: string,
  scope: { ownerId?: string; from: readonly AssetStatus[] },
): Promise<boolean> {
  const updatedAt = new Date().toISOString();
  let update = db
    .updateTable('assets')
    .set({ status: 'processing', error: null, updated_at: updatedAt })
    .where('id', '=', id)
    .where('status', 'in', [...scope.from]);
  if (scope.ownerId !== undefined) update = update.where('owner_id', '=', scope.ownerId);
  const result = await update.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  // A failed encode is forgotten, so the video reads "pending" until the playback step runs again;
  // a working copy stays, playable meanwhile, until the new run overwrites it.
  await db
    .updateTable('assets')
    .set({ playback_status: null, playback_error: null })
    .where('id', '=', id)
    .where('playback_status', '=', 'failed')
    .execute();
  return true;
}

/** As AssetRepository.listFailedIds; assets_failed_idx holds exactly these rows, by id. */
export async function listFailedIdsIn(
  db: Kysely<Database>,
  query: { after?: string; limit: number },
): Promise<string[]> {
  let select = db.selectFrom('assets').select('id').where('status', '=', 'failed');
  if (query.after !== undefined) select = select.where('id', '>', query.after);
  const rows = await select.orderBy('id').limit(query.limit).execute();
  return rows.map((row) => row.id);
}

export async function countFailedIn(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('assets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'failed')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
