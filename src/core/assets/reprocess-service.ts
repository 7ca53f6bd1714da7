import { AppError } from '../errors.js';
import { FIRST_STEP } from '../jobs/pipeline.js';
import type { Asset, AssetStatus } from './asset.js';
import type { AssetRepository, Transactor } from './asset-repository.js';

/**
 * [Note: Processing again]
 * An asset whose processing failed (ffmpeg missing at the time, a transient error that ran out of
 * retries) can be sent through the whole pipeline again once the cause is fixed. It starts over
 * at the first step: every step is idempotent and re-derives everything (metadata, renditions,
 * playback), overwriting what an earlier run left. In one transaction the asset goes back to
 * `processing` with its error cleared (a failed playback is forgotten too, so it reads `pending`)
 * and its first job is queued, so the two never part: a crash leaves either both or neither.
 * The flip is conditional (only from a settled status), so two requests at once queue one run.
 * The renditions an earlier run made stay in place until the new ones overwrite them.
 */

/** An owner may run any asset again that is not being processed right now. */
const SETTLED: readonly AssetStatus[] = ['ready', 'failed'];
const FAILED: readonly AssetStatus[] = ['failed'];
/** Assets per transaction when an administrator retries every failed one. */
const BATCH = 100;

/** Queues chosen steps alone for one asset (core/jobs/step-backfill.ts). */
export interface StepRerun {
  rerun(assetId: string, steps: readonly string[]): Promise<void>;
}

export class ReprocessService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly transactor: Transactor,
    private readonly steps?: StepRerun,
  ) {}

  /**
   * Runs only the named steps again for one of the owner's assets (`faces`, `ocr`, ...), nothing
   * after them; the asset keeps its status. The steps read the renditions, so it must be ready.
   */
  async rerunSteps(ownerId: string, id: string, steps: readonly string[]): Promise<Asset> {
    const asset = await this.assets.getOwned(ownerId, id);
    if (!asset) throw new AppError('ASSET_NOT_FOUND', 'No such asset.');
    if (asset.status === 'processing')
      throw new AppError(
        'ASSET_STILL_PROCESSING',
        'This asset is being processed now; its steps can run again once that ends.',
      );
    if (!this.steps) throw new Error('ReprocessService was made without step re-runs');
    await this.steps.rerun(id, steps);
    return asset;
  }

  /** Runs one of the owner's assets through the whole pipeline again; answers it, processing. */
  async reprocess(ownerId: string, id: string): Promise<Asset> {
    const reopened = await this.reopen([id], { ownerId, from: SETTLED });
    const asset = await this.assets.getOwned(ownerId, id);
    if (!asset) throw new AppError('ASSET_NOT_FOUND', 'No such asset.');
    if (reopened === 0)
      throw new AppError(
        'ASSET_STILL_PROCESSING',
        'This asset is being processed now; it can be processed again once that ends.',
      );
    return asset;
  }

  /** Every failed asset of every owner, a batch per transaction; answers how many were queued. */
  async retryAllFailed(): Promise<number> {
    let queued = 0;
    // By id, never revisiting: one that fails again at once is not picked up twice in a call.
    for (let after: string | undefined; ;) {
      const ids = await this.assets.listFailedIds({ after, limit: BATCH });
      if (ids.length === 0) return queued;
      queued += await this.reopen(ids, { from: FAILED });
      after = ids.at(-1);
    }
  }

  countFailed(): Promise<number> {
    return this.assets.countFailed();
  }

  /** How many of `ids` went back to processing, each with its first job queued. */
  private reopen(
    ids: readonly string[],
    scope: { ownerId?: string; from: readonly AssetStatus[] },
  ): Promise<number> {
    return this.transactor.run(
      async (tx) => {
        let reopened = 0;
        for (const id of ids) {
          if (!(await tx.reopen(id, scope))) continue;
          await tx.enqueue({ ...FIRST_STEP, payload: { assetId: id } });
          reopened += 1;
        }
        return reopened;
      },
      // The answer says the work is queued: like an upload's, it must survive a power cut.
      { durable: true },
    );
  }
}
