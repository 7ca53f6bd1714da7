import type { Kysely } from 'kysely';

// Which recorded step (faces, objects, ocr, ...) ran on which asset, with which model version,
// and how it ended. See: [Note: Backfilling a step] in core/jobs/step-records.ts. A table, not
// columns on `assets`: a new step is a new value, not a migration.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('asset_steps')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id').onDelete('cascade'))
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    // queued | done | failed
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('asset_steps_asset_step_unique', ['asset_id', 'step'])
    .execute();
  // Progress counts and "which assets lack this step at this version".
  await db.schema
    .createIndex('asset_steps_step_idx')
    .on('asset_steps')
    .columns(['step', 'version', 'state'])
    .execute();
}
