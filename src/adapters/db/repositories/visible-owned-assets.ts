import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { chunksOf } from './parameter-chunks.js';

/**
 * Which of these ids are the owner's own assets that a person can see (not trashed, not a
 * hidden motion part): what may go into an album or a shared link.
 */
export async function visibleOwnedAssetIds(
  db: Kysely<Database>,
  ownerId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const found = new Set<string>();
  for (const chunk of chunksOf(ids)) {
    const rows = await db
      .selectFrom('assets')
      .select('id')
      .where('owner_id', '=', ownerId)
      .where('id', 'in', chunk)
      .where('trashed_at', 'is', null)
      .where('is_hidden', '=', 0)
      .execute();
    for (const row of rows) found.add(row.id);
  }
  return found;
}
