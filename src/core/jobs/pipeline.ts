import type { AssetType } from '../assets/asset.js';

/**
 * [Note: Pipeline]
 * Every asset goes through these steps, in this order. A step runs on its own queue (so slow
 * work never holds up fast work) and, when it completes, queues the steps named in `next`.
 * The step marked `completesAsset` turns the asset from "processing" to "ready".
 * A step with `for` is queued only for assets of that type (a still never gets a `playback`
 * job, not even one that does nothing).
 * Each step has exactly one handler (core/jobs/handlers/); start-up checks it.
 *
 * `playback` (encoding a video so every browser plays it) follows `thumbnails`, on the
 * `transcode` queue, one at a time by default: an hour-long encode never holds up thumbnails
 * (other assets' go on on their own queue), the asset turns ready with its poster frame first,
 * and the encode does not share the cores with its own poster frame.
 */
export const PIPELINE = [
  { name: 'metadata', queue: 'metadata', next: ['thumbnails'], completesAsset: false },
  { name: 'thumbnails', queue: 'thumbnails', next: ['playback'], completesAsset: true },
  { name: 'playback', queue: 'transcode', next: [], completesAsset: false, for: 'video' },
] as const satisfies readonly PipelineStep[];

export interface PipelineStep {
  name: string;
  queue: string;
  next: readonly string[];
  completesAsset: boolean;
  /** Queued only for assets of this type. */
  for?: AssetType;
}

export type StepName = (typeof PIPELINE)[number]['name'];

export const FIRST_STEP = { name: PIPELINE[0].name, queue: PIPELINE[0].queue };

export const QUEUES = [...new Set(PIPELINE.map((step) => step.queue))];

export function stepOrFail(name: string): PipelineStep {
  const step = PIPELINE.find((s) => s.name === name);
  if (!step) throw new Error(`No pipeline step named ${name}`);
  return step;
}
