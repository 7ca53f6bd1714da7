/**
 * A durable job queue. Jobs survive restarts, are retried with backoff when their handler throws
 * (a transient failure), and end `failed` for good when a handler returns a failed outcome or
 * the attempts run out.
 *
 * @example
 *   queue.work('thumbnails', 2, async (job) => ({ status: 'completed' }));
 *   await queue.enqueue({ name: 'thumbnails', queue: 'thumbnails', payload: { assetId } });
 */
export interface JobQueue {
  readonly capabilities: JobQueueCapabilities;
  enqueue(job: NewJob): Promise<void>;
  /** Starts `concurrency` workers taking jobs from `queue`. */
  work(queue: string, concurrency: number, handler: JobHandlerFn): void;
  counts(): Promise<Record<string, QueueCounts>>;
  /** Stops taking jobs, waits up to `graceMs` for running ones, then releases the rest. */
  close(graceMs?: number): Promise<void>;
}

export interface JobQueueCapabilities {
  /** Jobs can be scheduled to run later (`delayMs`). */
  readonly delayedJobs: boolean;
}

export interface NewJob {
  name: string;
  queue: string;
  payload: JobPayload;
  maxAttempts?: number;
  delayMs?: number;
  /**
   * Names the job: while the queue holds a job under this key, adding another one under it
   * stores nothing. BullMQ uses it as the job id; the table queue ignores it.
   */
  key?: string;
}

export type JobPayload = Record<string, string | number | boolean | null>;

export interface Job {
  id: string;
  name: string;
  queue: string;
  payload: JobPayload;
  /** 1 on the first try. */
  attempt: number;
  maxAttempts: number;
}

/** Expected outcomes are values; a thrown error means "try again later". */
export type JobOutcome = { status: 'completed' } | { status: 'failed'; reason: string };

export type JobHandlerFn = (job: Job) => Promise<JobOutcome>;

export interface QueueCounts {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
}
