import type { Kysely } from 'kysely';

// A shared link's key, sealed with the server's secret (AES-256-GCM), so its owner can copy the
// link again; `key_hash` still finds the link. Links made before have none: their key was never
// stored. See: [Note: Shared link keys can be copied again] in core/shared-links/link-key-sealer.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('shared_links').addColumn('key_sealed', 'text').execute();
}
