import {
  ModelUnavailableError,
  type DetectedFace,
  type FaceDetector,
} from '../../core/vision/vision-ports.js';
import { PoolTaskError, taskModuleUrl, type WorkerPool } from '../runtime/worker-pool.js';
import type { FacesTaskInput, FoundFace } from './human-faces-task.js';
import { HUMAN_VERSION } from './human-version.js';

export interface HumanFaceDetectorOptions {
  /** Other weights with the package's file names; null: the ones in @vladmandic/human. */
  modelsDir: string | null;
  /** Faces the detector is less sure of are dropped (0..1). */
  minScore: number;
  /** Faces narrower or shorter than this, in preview pixels, are dropped. */
  minPixels: number;
}

/** The long edge the models see: that of the previews (a larger picture is scaled to it). */
const MAX_EDGE = 1440;
const TASK = taskModuleUrl(import.meta.url, 'human-faces-task');

/** BlazeFace finds faces, FaceRes describes them; both run on the pool (human-faces-task.ts). */
export class HumanFaceDetector implements FaceDetector {
  readonly version: string;

  constructor(
    private readonly pool: WorkerPool,
    private readonly options: HumanFaceDetectorOptions,
  ) {
    // Another folder of weights may hold other models: its faces are found again.
    this.version =
      `human-${HUMAN_VERSION}/blazeface+faceres/min-score-${options.minScore}` +
      `/min-px-${options.minPixels}${options.modelsDir ? '/own-models' : ''}`;
  }

  async detectFaces(image: Uint8Array): Promise<DetectedFace[]> {
    const input: FacesTaskInput = { image, modelsDir: this.options.modelsDir, maxEdge: MAX_EDGE };
    let found: FoundFace[];
    try {
      found = await this.pool.run<FoundFace[]>(TASK, input);
    } catch (error) {
      if (error instanceof PoolTaskError && error.taskErrorName === 'ModelUnavailableError')
        throw new ModelUnavailableError(error.message);
      throw error;
    }
    return found
      .filter(
        (face) =>
          face.score >= this.options.minScore &&
          Math.min(face.widthPx, face.heightPx) >= this.options.minPixels,
      )
      .map(({ box, score, embedding }) => ({ box, score, embedding }));
  }
}
