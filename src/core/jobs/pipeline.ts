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
/** In the order they are queued: faces first, as people are what users look for most. */
export const VISION_STEP_NAMES = ['faces', 'objects', 'ocr', 'duplicates', 'clip'] as const;
export type VisionStepName = (typeof VISION_STEP_NAMES)[number];

export const PIPELINE = [
  { name: 'metadata', queue: 'metadata', next: ['thumbnails'], completesAsset: false },
  {
    name: 'thumbnails',
    queue: 'thumbnails',
    next: ['playback', ...VISION_STEP_NAMES],
    completesAsset: true,
  },
  { name: 'playback', queue: 'transcode', next: [], completesAsset: false, for: 'video' },
  ...VISION_STEP_NAMES.map((name) => ({
    name,
    queue: 'vision',
    next: [] as const,
    completesAsset: false,
    optional: true,
    recorded: true,
    // See: [Note: Vision waits for uploads to settle].
    waitsFor: ['metadata', 'thumbnails'] as const,
  })),
] as const satisfies readonly PipelineStep[];

export interface PipelineStep {
  name: string;
  queue: string;
  next: readonly string[];
  completesAsset: boolean;
  /** Queued only for assets of this type. */
  for?: AssetType;
  /** The configuration may switch it off; then it is not queued at all. */
  optional?: boolean;
  /** Its outcome is recorded per asset with the handler's version (core/jobs/step-records.ts). */
  recorded?: boolean;
  /** Runs only once no job of these steps has run in this process for a moment. */
  waitsFor?: readonly string[];
}

export type StepName = (typeof PIPELINE)[number]['name'];

export const isStepName = (name: string): name is StepName =>
  PIPELINE.some((step) => step.name === name);

/** The same steps, each seen as a PipelineStep (every optional field readable). */
export const STEPS: readonly PipelineStep[] = PIPELINE;

export const FIRST_STEP = { name: PIPELINE[0].name, queue: PIPELINE[0].queue };

export const QUEUES = [...new Set(PIPELINE.map((step) => step.queue))];

export function stepOrFail(name: string): PipelineStep {
  const step = STEPS.find((s) => s.name === name);
  if (!step) throw new Error(`No pipeline step named ${name}`);
  return step;
}
