import { ModelUnavailableError } from '../../core/vision/vision-ports.js';
import { detect, humanFor, rgbOf, type HumanInstance } from './human-runtime.js';

/*
 * Thread side of HumanObjectDetector (runs on a WorkerPool thread; see [Note: Human on the pool]):
 * CenterNet (MobileNetV3, trained on COCO's 80 classes) finds things with a box and a score.
 */

export interface ObjectsTaskInput {
  image: Uint8Array;
  modelsDir: string | null;
  /** Things the model is less sure of (0..1) are not returned. */
  minConfidence: number;
  /** The long edge the picture is decoded to. See: [Note: Objects on the whole preview]. */
  maxEdge: number;
}

export interface FoundObject {
  /** A COCO class name as human writes it ("dog", "dining table"). */
  name: string;
  confidence: number;
  /** Fractions of the picture. */
  box: { x: number; y: number; width: number; height: number };
}

/** At most this many things per photo: a tag per class is kept, so this is plenty. */
const MAX_DETECTED = 20;

const objectConfig = (minConfidence: number) => ({
  face: { enabled: false },
  object: {
    enabled: true,
    modelPath: 'centernet.json',
    minConfidence,
    maxDetected: MAX_DETECTED,
    // Every photo is a new picture: never reuse the previous result (human's video shortcut).
    skipFrames: 0,
    skipTime: 0,
  },
});

interface HumanObject {
  label: string;
  score: number;
  /** [x, y, width, height] as fractions of the picture. */
  boxRaw: [number, number, number, number];
}

export async function run(input: ObjectsTaskInput): Promise<FoundObject[]> {
  const human = await humanFor(input.modelsDir);
  const config = objectConfig(input.minConfidence);
  await loadedOrFail(human, config);
  const rgb = await rgbOf(input.image, input.maxEdge);
  const result = await detect(human, config, rgb);
  return ((result.object ?? []) as HumanObject[])
    .filter((found) => found.score >= input.minConfidence)
    .map((found) => {
      // Clamped: a box may reach past the picture's edge.
      const [x, y, w, h] = found.boxRaw;
      const left = clamp(x);
      const top = clamp(y);
      return {
        name: found.label,
        confidence: found.score,
        box: { x: left, y: top, width: clamp(x + w) - left, height: clamp(y + h) - top },
      };
    });
}

/**
 * human logs a model it cannot read and goes on without it (every photo would then have no
 * things): a missing or broken CenterNet is a ModelUnavailableError instead.
 */
async function loadedOrFail(human: HumanInstance, config: object): Promise<void> {
  await human.load(config).catch(() => undefined);
  // A model whose weights could not be read is there, but without its executor.
  if (!human.models?.models?.centernet?.executor) {
    throw new ModelUnavailableError(
      'The object model (centernet.json) could not be loaded from the models folder.',
    );
  }
}

const clamp = (value: number): number => Math.min(1, Math.max(0, value));
