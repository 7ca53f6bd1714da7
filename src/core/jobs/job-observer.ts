/** Told about every job a worker finishes, for metrics; must not throw. */
export type JobObserver = (event: JobEvent) => void;

export interface JobEvent {
  queue: string;
  name: string;
  /** `error`: the handler threw (the job is retried, or has failed for good on its last try). */
  outcome: 'completed' | 'failed' | 'error';
  durationMs: number;
}
