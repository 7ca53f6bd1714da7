import { ModelUnavailableError } from '../../core/vision/vision-ports.js';
import { detect, humanFor, rgbOf, type HumanInstance } from './human-runtime.js';

/*
 * Thread side of HumanFaceDetector (runs on a WorkerPool thread; see [Note: Human on the pool]):
 * BlazeFace finds the faces, the mesh places them, FaceRes describes each with a vector.
 */

export interface FacesTaskInput {
  image: Uint8Array;
  modelsDir: string | null;
  /** The long edge the models see; previews are about this size already. */
  maxEdge: number;
}

export interface FoundFace {
  /** Fractions of the picture. */
  box: { x: number; y: number; width: number; height: number };
  /** Pixels of the picture the model saw: what the minimum face size is measured in. */
  widthPx: number;
  heightPx: number;
  score: number;
  /** Unit length. */
  embedding: Float32Array;
}

/** human's settings for the faces step (the faces bench runs the same). */
export const FACE_CONFIG = {
  face: {
    enabled: true,
    detector: { maxDetected: 50, minConfidence: 0.5, rotation: false },
    mesh: { enabled: true },
    iris: { enabled: false },
    description: { enabled: true },
    emotion: { enabled: false },
    antispoof: { enabled: false },
    liveness: { enabled: false },
    attention: { enabled: false },
  },
  object: { enabled: false },
};

interface HumanFace {
  box: [number, number, number, number];
  boxScore?: number;
  score?: number;
  embedding?: number[];
}

export async function run(input: FacesTaskInput): Promise<FoundFace[]> {
  const human = await humanFor(input.modelsDir);
  await loadedOrFail(human);
  const rgb = await rgbOf(input.image, input.maxEdge);
  const result = await detect(human, FACE_CONFIG, rgb);
  const found: FoundFace[] = [];
  for (const face of (result.face ?? []) as HumanFace[]) {
    if (!face.embedding || face.embedding.length === 0) continue;
    const [x, y, w, h] = face.box;
    // Clamped: the detector's box may reach past the picture's edge.
    const left = Math.max(0, x);
    const top = Math.max(0, y);
    const right = Math.min(rgb.width, x + w);
    const bottom = Math.min(rgb.height, y + h);
    if (right <= left || bottom <= top) continue;
    found.push({
      box: {
        x: left / rgb.width,
        y: top / rgb.height,
        width: (right - left) / rgb.width,
        height: (bottom - top) / rgb.height,
      },
      widthPx: right - left,
      heightPx: bottom - top,
      // The box score is what tells a face from a dog's muzzle (0.56); the overall score mixes
      // in the mesh's confidence, which is high for anything the mesh was run on.
      score: Math.min(face.score ?? 1, face.boxScore ?? face.score ?? 0),
      embedding: unitLength(face.embedding),
    });
  }
  return found;
}

/** The models the faces step runs, by human's names for them (and their files' names). */
const FACE_MODELS = ['blazeface', 'facemesh', 'faceres'];

/**
 * human logs a model it cannot read and goes on without it (and then fails on the first image
 * with a TypeError): a missing or broken face model is a ModelUnavailableError instead.
 */
async function loadedOrFail(human: HumanInstance): Promise<void> {
  await human.load(FACE_CONFIG).catch(() => undefined);
  // A model whose weights could not be read is still there, without an executor.
  const models = (human.models?.models ?? {}) as Record<string, { executor?: unknown } | null>;
  const missing = FACE_MODELS.filter((name) => !models[name]?.executor);
  if (missing.length > 0)
    throw new ModelUnavailableError(
      `The face model could not be loaded from the models folder: ${missing.map((name) => `${name}.json`).join(', ')}`,
    );
}

function unitLength(values: readonly number[]): Float32Array {
  const vector = Float32Array.from(values);
  let norm = 0;
  for (const v of vector) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}
