import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { StepProgress, StepRecords, StepState } from '../../../core/jobs/step-records.js';
import type { JobOutcome } from '../../../core/ports/job-queue.js';
import type { Database } from '../schema.js';
import { chunksOf } from './parameter-chunks.js';

/** See: [Note: Backfilling a step]. */
export class KyselyStepRecords implements StepRecords {
  constructor(private readonly db: Kysely<Database>) {}

  async record(assetId: string, step: string, version: string, outcome: JobOutcome) {
    await this.upsert([assetId], step, version, {
      state: outcome.status === 'completed' ? 'done' : 'failed',
      reason: outcome.status === 'failed' ? outcome.reason : null,
    });
  }

  async markQueued(assetIds: readonly string[], step: string, version: string) {
    for (const chunk of chunksOf(assetIds))
      await this.upsert(chunk, step, version, { state: 'queued', reason: null });
  }

  async lacking(step: string, version: string, page: { after?: string; limit: number }) {
    let query = this.withPreview()
      .leftJoin('asset_steps as s', (join) =>
        join.onRef('s.asset_id', '=', 'a.id').on('s.step', '=', step),
      )
      .select('a.id')
      .where((eb) => eb.or([eb('s.id', 'is', null), eb('s.version', '!=', version)]))
      .orderBy('a.id')
      .limit(page.limit);
    if (page.after !== undefined) query = query.where('a.id', '>', page.after);
    return (await query.execute()).map((r) => r.id);
  }

  async progress(step: string, version: string): Promise<StepProgress> {
    const row = await this.withPreview()
      .leftJoin('asset_steps as s', (join) =>
        join.onRef('s.asset_id', '=', 'a.id').on('s.step', '=', step).on('s.version', '=', version),
      )
      .select([
        sql<number>`count(*)`.as('total'),
        sql<number>`sum(case when s.state = 'done' then 1 else 0 end)`.as('done'),
        sql<number>`sum(case when s.state = 'failed' then 1 else 0 end)`.as('failed'),
      ])
      .executeTakeFirstOrThrow();
    const total = Number(row.total);
    const done = Number(row.done ?? 0);
    const failed = Number(row.failed ?? 0);
    return { total, done, failed, pending: total - done - failed };
  }

  async stateOf(assetId: string, step: string) {
    const row = await this.db
      .selectFrom('asset_steps')
      .select(['state', 'version', 'reason'])
      .where('asset_id', '=', assetId)
      .where('step', '=', step)
      .executeTakeFirst();
    return row && { state: row.state as StepState, version: row.version, reason: row.reason };
  }

  /** Assets the vision steps can read: they have a preview and are not deleted. */
  private withPreview() {
    return this.db
      .selectFrom('assets as a')
      .where('a.preview_key', 'is not', null)
      .where('a.trashed_at', 'is', null);
  }

  private async upsert(
    assetIds: readonly string[],
    step: string,
    version: string,
    values: { state: StepState; reason: string | null },
  ) {
    if (assetIds.length === 0) return;
    const updatedAt = new Date().toISOString();
    await this.db
      .insertInto('asset_steps')
      .values(
        assetIds.map((assetId) => ({
          id: randomUUID(),
          asset_id: assetId,
          step,
          version,
          ...values,
          updated_at: updatedAt,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['asset_id', 'step']).doUpdateSet({
          version,
          state: values.state,
          reason: values.reason,
          updated_at: updatedAt,
        }),
      )
      .execute();
  }
}
