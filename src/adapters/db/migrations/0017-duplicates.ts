import type { Kysely } from 'kysely';

// Near-duplicates: see [Note: Near-duplicates] in core/duplicates/near-duplicates.ts.
// - `asset_fingerprints`: one row per asset, made by the `duplicates` step from its preview:
//   the 64-bit perceptual hash (16 hex digits), the 8×8 colour grid (base64) and the sharpness,
//   with the hasher's version (a fingerprint of another version is not compared).
// - `duplicate_dismissals`: groups the owner chose to keep whole ("keep all"), by their id (a
//   digest of the sorted member ids) and their members (JSON array): a group whose members all
//   lie in one dismissed set is not suggested again.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('asset_fingerprints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) =>
      c.notNull().unique().references('assets.id').onDelete('cascade'),
    )
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('layout', 'text', (c) => c.notNull())
    .addColumn('sharpness', 'double precision', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('duplicate_dismissals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('asset_ids', 'text', (c) => c.notNull())
    .addColumn('dismissed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('duplicate_dismissals_owner_group_unique', ['owner_id', 'group_id'])
    .execute();
}
