import { sql, type Kysely } from 'kysely';
import type { Asset } from '../../../core/assets/asset.js';
import type { Database } from '../schema.js';
import { toAsset } from './asset-rows.js';

/** Enough for any one name: a person rarely uploads the same file name a hundred times. */
const CANDIDATE_LIMIT = 100;

/**
 * As AssetRepository.listSidecarCandidates. `lower` on both sides, so SQLite (which folds ASCII
 * only) and PostgreSQL agree; the core then compares names exactly. An owner's rows are scanned
 * (there is no index on names): a sidecar sent on its own is rare next to uploads.
 */
export async function listSidecarCandidatesIn(
  db: Kysely<Database>,
  ownerId: string,
  baseName: string,
): Promise<Asset[]> {
  const withExtension = `${baseName.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`;
  const rows = await db
    .selectFrom('assets')
    .selectAll()
    .where('owner_id', '=', ownerId)
    .where('trashed_at', 'is', null)
    .where('is_hidden', '=', 0)
    .where((eb) =>
      eb.or([
        eb(sql`lower(original_file_name)`, '=', sql`lower(cast(${baseName} as text))`),
        sql<boolean>`lower(original_file_name) like lower(cast(${withExtension} as text)) escape '\\'`,
      ]),
    )
    .orderBy('uploaded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(CANDIDATE_LIMIT)
    .execute();
  return rows.map(toAsset);
}

/** As TransactionScope.attachSidecar, on a connection or in a transaction. */
export async function attachSidecarIn(
  db: Kysely<Database>,
  ownerId: string,
  id: string,
  sidecarKey: string,
): Promise<boolean> {
  const result = await db
    .updateTable('assets')
    .set({ sidecar_key: sidecarKey, updated_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
