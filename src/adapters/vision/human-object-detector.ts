import type { DetectedObject, ObjectDetector } from '../../core/vision/vision-ports.js';
import { ModelUnavailableError } from '../../core/vision/vision-ports.js';
import { PoolTaskError, taskModuleUrl, type WorkerPool } from '../runtime/worker-pool.js';
import { HUMAN_VERSION } from './human-version.js';
// Types only: the task module loads sharp and the model runtime, on the pool's threads alone.
import type { FoundObject, ObjectsTaskInput } from './human-objects-task.js';

export interface HumanObjectDetectorOptions {
  /** Other weights with human's file names (KEEPSAKE_MODELS_DIR); null: the package's own. */
  modelsDir: string | null;
  /** Things the model is less sure of (0..1) are not reported (KEEPSAKE_OBJECT_MIN_CONFIDENCE). */
  minConfidence: number;
}

/*
 * [Note: Objects on the whole preview]
 * CenterNet's input is a fixed 512×512 square: human resizes whatever it is given to that. Decoding
 * the preview straight to a 512-pixel long edge looked cheaper, but measured on the vision corpus
 * (`npm run bench -- --only=objects`) it is not: the model's ~200 ms dwarf the decode (CPU time
 * per photo 223 ms at 512 px, 208 ms on the whole preview), and it finds a little less (18 of 27
 * labelled things against 19, one more false tag). So the model gets the whole 1440-px preview.
 */
export const OBJECTS_MAX_EDGE = 1440;

const TASK = taskModuleUrl(import.meta.url, 'human-objects-task');

/**
 * Things in a photo (COCO's 80 classes) by human's CenterNet, run on the worker pool: this side
 * only sends the preview's bytes, so a process that never detects never loads the model.
 * See: [Note: Human on the pool].
 */
export class HumanObjectDetector implements ObjectDetector {
  readonly version: string;

  constructor(
    private readonly pool: WorkerPool,
    private readonly options: HumanObjectDetectorOptions,
  ) {
    // Other weights or another threshold tag differently: the step is done again where it ran.
    const weights = options.modelsDir === null ? 'centernet' : 'centernet-custom';
    this.version = `human-${HUMAN_VERSION}/${weights}@${OBJECTS_MAX_EDGE}/min-${options.minConfidence}`;
  }

  async detectObjects(image: Uint8Array): Promise<DetectedObject[]> {
    const input: ObjectsTaskInput = {
      image,
      modelsDir: this.options.modelsDir,
      minConfidence: this.options.minConfidence,
      maxEdge: OBJECTS_MAX_EDGE,
    };
    try {
      const found = await this.pool.run<FoundObject[]>(TASK, input);
      return found.map((o) => ({ name: o.name, confidence: o.confidence, box: o.box }));
    } catch (error) {
      if (error instanceof PoolTaskError && error.taskErrorName === 'ModelUnavailableError')
        throw new ModelUnavailableError(error.message);
      throw error;
    }
  }
}
