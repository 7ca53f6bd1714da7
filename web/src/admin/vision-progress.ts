import type { QueueCounts } from './job-summary';

/** One vision step's progress, as `GET /api/jobs` reports it under the vision queue's `steps`. */
export interface StepProgress {
  version: string;
  total: number;
  done: number;
  failed: number;
  pending: number;
}

export interface StepLine {
  step: string;
  label: string;
  /** "Faces: 12,345 of 80,000" */
  text: string;
  failed: number;
  /** Assets still without a result of the current version (queued or never queued). */
  missing: number;
}

/** Display names of the vision steps; a step the server adds later shows by its own name. */
export const STEP_LABELS: Record<string, string> = {
  faces: 'Faces',
  objects: 'Things',
  ocr: 'Text',
  duplicates: 'Near-duplicates',
  clip: 'Smart search',
};

/** The steps of every queue that reports them (the vision queue), in the server's order. */
export function stepLines(
  queues: Record<string, QueueCounts & { steps?: Record<string, StepProgress> }>,
): StepLine[] {
  return Object.values(queues).flatMap((queue) =>
    Object.entries(queue.steps ?? {}).map(([step, p]) => {
      const label = STEP_LABELS[step] ?? step;
      return {
        step,
        label,
        text: `${label}: ${p.done.toLocaleString()} of ${p.total.toLocaleString()}`,
        failed: p.failed,
        missing: Math.max(0, p.total - p.done - p.failed),
      };
    }),
  );
}
