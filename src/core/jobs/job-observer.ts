import type { JobHandlerFn } from '../ports/job-queue.js';

/** Told about every job a worker finishes, for metrics; must not throw. */
export type JobObserver = (event: JobEvent) => void;

export interface JobEvent {
  queue: string;
  name: string;
  /** `error`: the handler threw (the job is retried, or has failed for good on its last try). */
  outcome: 'completed' | 'failed' | 'error';
  durationMs: number;
}

/** `handler`, reporting each job it finishes to `observe` (as the pipeline's runner does). */
export function observed(handler: JobHandlerFn, observe: JobObserver): JobHandlerFn {
  return async (job) => {
    const started = performance.now();
    const report = (outcome: JobEvent['outcome']) =>
      observe({
        queue: job.queue,
        name: job.name,
        outcome,
        durationMs: performance.now() - started,
      });
    try {
      const outcome = await handler(job);
      report(outcome.status);
      return outcome;
    } catch (error) {
      report('error');
      throw error;
    }
  };
}
