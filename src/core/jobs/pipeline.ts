/**
 * [Note: Pipeline]
 * Every asset goes through these steps, in this order. A step runs on its own queue (so slow
 * work never holds up fast work) and, when it completes, queues the steps named in `next`.
 * The step marked `completesAsset` turns the asset from "processing" to "ready".
 * Each step has exactly one handler (core/jobs/handlers/); start-up checks it.
 */
export const PIPELINE = [
  { name: 'metadata', queue: 'metadata', next: ['thumbnails'], completesAsset: false },
  { name: 'thumbnails', queue: 'thumbnails', next: [], completesAsset: true },
] as const satisfies readonly PipelineStep[];

export interface PipelineStep {
  name: string;
  queue: string;
  next: readonly string[];
  completesAsset: boolean;
}

export type StepName = (typeof PIPELINE)[number]['name'];

export const FIRST_STEP = { name: PIPELINE[0].name, queue: PIPELINE[0].queue };

export const QUEUES = [...new Set(PIPELINE.map((step) => step.queue))];

export function stepOrFail(name: string): PipelineStep {
  const step = PIPELINE.find((s) => s.name === name);
  if (!step) throw new Error(`No pipeline step named ${name}`);
  return step;
}
