import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import sharp from 'sharp';
import { ModelUnavailableError } from '../../core/vision/vision-ports.js';

/*
 * [Note: Human on the pool]
 * `@vladmandic/human` runs the face (BlazeFace + FaceRes) and object (CenterNet, COCO) models
 * with TensorFlow.js on its WebAssembly backend: no native TensorFlow (which would download
 * libtensorflow at install) and ~20× faster than plain JavaScript. It is loaded on a WorkerPool
 * thread only ([Note: One pool for heavy compute]), once per thread, and each model loads on the
 * first task that needs it. Three things make it work in Node without a network:
 * - the Node+WASM build is required by its path (the package's exports do not list it);
 * - TF.js fetches weights with `fetch`, which cannot read `file://`: a shim reads those;
 * - `cacheSensitivity: 0`, or human would skip an image it thinks it has just seen.
 * The weights are the ones inside the npm package, or those in `modelsDir` (KEEPSAKE_MODELS_DIR)
 * with the same file names.
 */

const require = createRequire(import.meta.url);
const HUMAN_DIST = join(dirname(require.resolve('@vladmandic/human')), 'human.node-wasm.js');
const PACKAGE_MODELS = join(dirname(require.resolve('@vladmandic/human')), '..', 'models');
const WASM_DIST = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm')), '..', 'dist');

/** The package's version, part of every step version that runs one of its models. */
export { HUMAN_VERSION } from './human-version.js';

/* eslint-disable @typescript-eslint/no-explicit-any -- human's types do not load under NodeNext */
export type HumanInstance = any;
export type HumanResult = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** An image as the models see it: upright RGB pixels. */
export interface RgbImage {
  data: Uint8Array;
  width: number;
  height: number;
}

let fetchShimmed = false;

/** TF.js loads weights with fetch; `file://` URLs are read from disk instead. */
function shimFileFetch(): void {
  if (fetchShimmed) return;
  fetchShimmed = true;
  const networkFetch = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith('file://')) return networkFetch(input, init);
    const body = await readFile(new URL(url));
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': url.endsWith('.json') ? 'application/json' : 'application/octet-stream',
      },
    });
  }) as typeof fetch;
}

const instances = new Map<string, Promise<HumanInstance>>();

/** One Human per models folder on this thread; its models load when first asked for. */
export function humanFor(modelsDir: string | null): Promise<HumanInstance> {
  const folder = modelsDir ?? PACKAGE_MODELS;
  let instance = instances.get(folder);
  if (!instance) {
    instance = createHuman(folder);
    instances.set(folder, instance);
    instance.catch(() => instances.delete(folder));
  }
  return instance;
}

async function createHuman(folder: string): Promise<HumanInstance> {
  shimFileFetch();
  const { Human } = require(HUMAN_DIST) as { Human: new (config: object) => HumanInstance };
  const human = new Human({
    backend: 'wasm',
    wasmPath: `${pathToFileURL(WASM_DIST).href}/`,
    modelBasePath: `${pathToFileURL(folder).href}/`,
    cacheSensitivity: 0,
    debug: false,
    async: true,
    warmup: 'none',
    face: { enabled: false },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
    filter: { enabled: false },
  });
  await human.tf.ready();
  return human;
}

/**
 * Runs human with `config` (which models, which thresholds) on one image, loading the models it
 * names on first use. A model whose weights cannot be read fails with ModelUnavailableError.
 */
export async function detect(
  human: HumanInstance,
  config: object,
  image: RgbImage,
): Promise<HumanResult> {
  try {
    await human.load(config);
  } catch (error) {
    throw new ModelUnavailableError(
      `The model could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const tensor = human.tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
  try {
    const result = await human.detect(tensor, config);
    if (result.error) throw new Error(String(result.error));
    return result;
  } finally {
    tensor.dispose();
  }
}

/**
 * The last picture decoded on this thread. The faces and objects steps of one photo run one after
 * the other on the same preview: the second is handed the pixels the first decoded (a 1440-px
 * decode is some 30-50 ms of a step's ~250). Keyed by a hash of the bytes, so another picture
 * that happens to be the same size never gets these pixels.
 */
let lastDecoded: { key: string; image: RgbImage } | undefined;

/** Decodes a preview (JPEG or WebP, already upright) to RGB pixels, no larger than `maxEdge`. */
export async function rgbOf(image: Uint8Array, maxEdge: number): Promise<RgbImage> {
  const key = `${maxEdge}:${createHash('sha256').update(image).digest('base64')}`;
  if (lastDecoded?.key === key) return lastDecoded.image;
  const decoded = await decode(image, maxEdge);
  lastDecoded = { key, image: decoded };
  return decoded;
}

async function decode(image: Uint8Array, maxEdge: number): Promise<RgbImage> {
  const { data, info } = await sharp(image)
    .resize(maxEdge, maxEdge, { fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}
