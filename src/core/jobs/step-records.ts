import type { JobOutcome } from '../ports/job-queue.js';

/**
 * [Note: Backfilling a step]
 * A recorded step (the vision steps) leaves one row per asset: which model version ran and how it
 * ended (`done`, or `failed` with a reason), or `queued` while its job waits. A step that is
 * switched on later, or whose model changes version, is queued for exactly the assets whose row
 * is missing or names another version; one whose row says `queued` at the current version is
 * not queued twice (two workers starting at once at worst queue an asset twice, and the handlers
 * are idempotent). Only assets that have a preview count: the steps read it, and an asset still
 * processing gets the step from its own pipeline when its thumbnails are made.
 */
export type StepState = 'queued' | 'done' | 'failed';

export interface StepProgress {
  /** Assets that can have the step (they have a preview and are not deleted). */
  total: number;
  done: number;
  failed: number;
  /** Queued, or not yet reached by a backfill. */
  pending: number;
}

export interface StepRecords {
  /** Notes the outcome of `step` at `version` for one asset. */
  record(assetId: string, step: string, version: string, outcome: JobOutcome): Promise<void>;
  /** Notes that `step` at `version` is queued for these assets. */
  markQueued(assetIds: readonly string[], step: string, version: string): Promise<void>;
  /** Up to `limit` asset ids, in id order after `after`, that lack `step` at `version`. */
  lacking(
    step: string,
    version: string,
    page: { after?: string; limit: number },
  ): Promise<string[]>;
  progress(step: string, version: string): Promise<StepProgress>;
  /** The step's state for one asset, if it has one at any version. */
  stateOf(
    assetId: string,
    step: string,
  ): Promise<{ state: StepState; version: string; reason: string | null } | undefined>;
}
