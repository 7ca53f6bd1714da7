import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  DuplicateCandidate,
  DuplicateRepository,
} from '../../../core/duplicates/duplicate-repository.js';
import type { ImageFingerprint } from '../../../core/duplicates/perceptual-hasher.js';
import type { Database } from '../schema.js';

/** Capture times the file itself gave (not the client's file dates or the upload time). */
const CLIENT_TIME_SOURCES = ['fileCreatedAt', 'fileModifiedAt', 'uploadedAt'];

/** See: [Note: Near-duplicates]. */
export class KyselyDuplicateRepository implements DuplicateRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async saveFingerprint(assetId: string, version: string, fingerprint: ImageFingerprint) {
    const values = {
      version,
      hash: fingerprint.hash,
      layout: fingerprint.layout,
      sharpness: fingerprint.sharpness,
      computed_at: new Date().toISOString(),
    };
    await this.db
      .insertInto('asset_fingerprints')
      .values({ id: randomUUID(), asset_id: assetId, ...values })
      .onConflict((oc) => oc.column('asset_id').doUpdateSet(values))
      .execute();
  }

  async candidates(ownerId: string, version: string): Promise<DuplicateCandidate[]> {
    const rows = await this.db
      .selectFrom('asset_fingerprints as f')
      .innerJoin('assets as a', 'a.id', 'f.asset_id')
      .select([
        'a.id',
        'f.hash',
        'f.layout',
        'f.sharpness',
        'a.width',
        'a.height',
        'a.file_size',
        'a.original_file_name',
        'a.uploaded_at',
        'a.latitude',
        'a.make',
        'a.model',
        'a.taken_source',
        'a.renditions_version',
      ])
      .where('a.owner_id', '=', ownerId)
      .where('f.version', '=', version)
      .where('a.trashed_at', 'is', null)
      .where('a.is_hidden', '=', 0)
      .orderBy('a.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      hash: r.hash,
      layout: r.layout,
      sharpness: Number(r.sharpness),
      pixels: r.width && r.height ? r.width * r.height : null,
      metadata:
        (r.latitude !== null ? 1 : 0) +
        (r.make !== null || r.model !== null ? 1 : 0) +
        (CLIENT_TIME_SOURCES.includes(r.taken_source) ? 0 : 1),
      uploadedAt: r.uploaded_at,
      width: r.width,
      height: r.height,
      fileSize: Number(r.file_size),
      originalFileName: r.original_file_name,
      thumbnailVersion: r.renditions_version,
    }));
  }

  async dismissedSets(ownerId: string): Promise<string[][]> {
    const rows = await this.db
      .selectFrom('duplicate_dismissals')
      .select('asset_ids')
      .where('owner_id', '=', ownerId)
      .execute();
    return rows.map((r) => JSON.parse(r.asset_ids) as string[]);
  }

  async dismiss(ownerId: string, groupId: string, assetIds: readonly string[], at: string) {
    await this.db
      .insertInto('duplicate_dismissals')
      .values({
        id: randomUUID(),
        owner_id: ownerId,
        group_id: groupId,
        asset_ids: JSON.stringify(assetIds),
        dismissed_at: at,
      })
      .onConflict((oc) => oc.columns(['owner_id', 'group_id']).doNothing())
      .execute();
  }
}
