import type { JobOutcome } from '../ports/job-queue.js';

/** A pipeline step's work for one asset. Idempotent: it may run again after a crash. */
export type AssetJobHandler = (assetId: string) => Promise<JobOutcome>;

export const completed: JobOutcome = { status: 'completed' };
export const failed = (reason: string): JobOutcome => ({ status: 'failed', reason });
