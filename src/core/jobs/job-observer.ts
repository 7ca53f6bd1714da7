import { errorMessage } from '../errors.js';
import type { JobHandlerFn } from '../ports/job-queue.js';
import type { LogFields } from '../ports/logger.js';

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

/** A job that failed or threw, as one log line: fields to filter on, and a sentence. */
export interface JobProblem {
  /** `error` once the job has no try left; `warn` while a retry may still fix it, or for an expected failure. */
  level: 'warn' | 'error';
  fields: LogFields;
  message: string;
}

/** The log line for a job that failed or threw; nothing for one that completed. */
export function describeJobProblem(event: JobEvent): JobProblem | undefined {
  if (event.outcome === 'completed') return undefined;
  const subject = event.assetId ? `${event.name} of asset ${event.assetId}` : `${event.name} job`;
  const { attempt, maxAttempts } = event;
  const tries = !attempt
    ? ''
    : maxAttempts !== undefined && attempt > maxAttempts
      ? ` (after ${maxAttempts} tries)` // a job whose worker died each time: see JobRunner.run
      : ` (try ${attempt} of ${maxAttempts ?? '?'})`;
  const what = event.outcome === 'failed' ? 'failed' : 'threw';
  const reason = event.reason ?? 'no reason given';
  const lastTry = attempt !== undefined && maxAttempts !== undefined && attempt >= maxAttempts;
  return {
    level: event.outcome === 'error' && lastTry ? 'error' : 'warn',
    fields: {
      step: event.name,
      queue: event.queue,
      assetId: event.assetId,
      attempt,
      maxAttempts,
      outcome: event.outcome,
      reason,
      durationMs: Math.round(event.durationMs),
    },
    message: `${subject} ${what}${tries}: ${reason}`,
  };
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
