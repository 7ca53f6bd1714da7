import { errorMessage } from '../errors.js';
import type { JobHandlerFn } from '../ports/job-queue.js';

/** Told about every job a worker finishes, for metrics and the log; must not throw. */
export type JobObserver = (event: JobEvent) => void;

export interface JobEvent {
  queue: string;
  name: string;
  /** `error`: the handler threw (the job is retried, or has failed for good on its last try). */
  outcome: 'completed' | 'failed' | 'error';
  durationMs: number;
  /** The asset the job was for, when its payload names one (every pipeline job's does). */
  assetId?: string;
  /** This try, counting from 1, and how many the job gets. */
  attempt?: number;
  maxAttempts?: number;
  /** Why, for `failed` and `error`. */
  reason?: string;
}

/** One line for a job that failed or threw, as a person reading the server's log needs it. */
export function describeJobProblem(event: JobEvent): string | undefined {
  if (event.outcome === 'completed') return undefined;
  const subject = event.assetId ? `${event.name} of asset ${event.assetId}` : `${event.name} job`;
  const { attempt, maxAttempts } = event;
  const tries = !attempt
    ? ''
    : maxAttempts !== undefined && attempt > maxAttempts
      ? ` (after ${maxAttempts} tries)` // a job whose worker died each time: see JobRunner.run
      : ` (try ${attempt} of ${maxAttempts ?? '?'})`;
  const what = event.outcome === 'failed' ? 'failed' : 'threw';
  return `${subject} ${what}${tries}: ${event.reason ?? 'no reason given'}`;
}

/** `handler`, reporting each job it finishes to `observe` (as the pipeline's runner does). */
export function observed(handler: JobHandlerFn, observe: JobObserver): JobHandlerFn {
  return async (job) => {
    const started = performance.now();
    const report = (outcome: JobEvent['outcome'], reason?: string) =>
      observe({
        queue: job.queue,
        name: job.name,
        outcome,
        durationMs: performance.now() - started,
        assetId: typeof job.payload.assetId === 'string' ? job.payload.assetId : undefined,
        attempt: job.attempt,
        maxAttempts: job.maxAttempts,
        reason,
      });
    try {
      const outcome = await handler(job);
      report(outcome.status, outcome.status === 'failed' ? outcome.reason : undefined);
      return outcome;
    } catch (error) {
      report('error', errorMessage(error));
      throw error;
    }
  };
}
