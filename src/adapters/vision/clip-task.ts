import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ort from 'onnxruntime-node';
import sharp, { type KernelEnum, type Sharp } from 'sharp';
import { ModelUnavailableError } from '../../core/vision/vision-ports.js';
import { ClipTokenizer } from './clip-tokenizer.js';

/*
 * [Note: CLIP on the pool]
 * The thread side of OnnxClipEmbedder: onnxruntime-node runs a CLIP export laid out as Immich's
 * and OpenCLIP's exports are (Hugging Face immich-app/<model>):
 *   <dir>/config.json                 text_cfg.context_length (default 77)
 *   <dir>/visual/model.onnx           input `image` [1,3,S,S] float32, first output the vector
 *   <dir>/visual/preprocess_cfg.json  size, mean, std, interpolation, resize_mode
 *   <dir>/textual/model.onnx          input `text` [1,77] int32 (or int64), first output the vector
 *   <dir>/textual/tokenizer.json      (or vocab.json + merges.txt) and tokenizer_config.json
 * The image is prepared as immich_ml does (OpenClipVisualEncoder): `shortest` scales the short
 * side to S and cuts the centre square, `squash` scales to S×S; then RGB/255, minus mean, over
 * std, channels first. Input and output names and types are read from the session. Each
 * session loads on the first task that needs it (a search loads only the text side) and stays
 * until the pool's thread ends. One ONNX thread per session: the pool decides how many run.
 */

export type ClipTaskInput =
  | { modelDir: string; kind: 'image'; image: Uint8Array }
  | { modelDir: string; kind: 'text'; text: string };

interface Preprocess {
  size: number;
  mean: [number, number, number];
  std: [number, number, number];
  kernel: keyof KernelEnum;
  resizeMode: 'shortest' | 'squash';
}

interface VisualSide {
  session: ort.InferenceSession;
  preprocess: Preprocess;
}

interface TextualSide {
  session: ort.InferenceSession;
  tokenizer: ClipTokenizer;
}

const visual = new Map<string, Promise<VisualSide>>();
const textual = new Map<string, Promise<TextualSide>>();

/** PIL's resampling names (preprocess_cfg.json) → sharp's kernels. PIL's bicubic is Catmull-Rom. */
const KERNELS: Record<string, keyof KernelEnum> = {
  bicubic: 'cubic',
  bilinear: 'linear',
  nearest: 'nearest',
  lanczos: 'lanczos3',
};

export async function run(input: ClipTaskInput): Promise<Float32Array> {
  if (input.kind === 'image') {
    const side = await once(visual, input.modelDir, loadVisual);
    return unit(await embedImage(side, input.image));
  }
  const side = await once(textual, input.modelDir, loadTextual);
  return unit(await embedText(side, input.text));
}

function once<T>(
  cache: Map<string, Promise<T>>,
  dir: string,
  load: (dir: string) => Promise<T>,
): Promise<T> {
  let side = cache.get(dir);
  if (!side) {
    side = load(dir);
    cache.set(dir, side);
    // A model put in place later is tried again on the next task.
    side.catch(() => cache.delete(dir));
  }
  return side;
}

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

async function readJsonIfThere(path: string): Promise<unknown> {
  try {
    return await readJson(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function openSession(path: string): Promise<ort.InferenceSession> {
  try {
    return await ort.InferenceSession.create(path, {
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
    });
  } catch (error) {
    throw new ModelUnavailableError(
      `the CLIP model ${path} could not be loaded: ${(error as Error).message}`,
    );
  }
}

/** Broken or missing configuration files say which file, as a model that cannot load. */
async function unavailableUnless<T>(what: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof ModelUnavailableError) throw error;
    throw new ModelUnavailableError(
      `the CLIP ${what} could not be read: ${(error as Error).message}`,
    );
  }
}

async function loadVisual(dir: string): Promise<VisualSide> {
  const preprocess = await unavailableUnless('visual/preprocess_cfg.json', async () =>
    preprocessOf(await readJson(join(dir, 'visual', 'preprocess_cfg.json'))),
  );
  return { session: await openSession(join(dir, 'visual', 'model.onnx')), preprocess };
}

export function preprocessOf(json: unknown): Preprocess {
  const cfg = json as {
    size?: number | number[];
    mean?: number[];
    std?: number[];
    interpolation?: string;
    resize_mode?: string;
  };
  const size = Array.isArray(cfg.size) ? cfg.size[0] : cfg.size;
  if (typeof size !== 'number' || size < 1) throw new Error('no size');
  const triple = (values: number[] | undefined, name: string): [number, number, number] => {
    if (!values || values.length !== 3) throw new Error(`no ${name} for three channels`);
    return [values[0]!, values[1]!, values[2]!];
  };
  const kernel = KERNELS[(cfg.interpolation ?? 'bicubic').toLowerCase()];
  if (!kernel) throw new Error(`interpolation ${cfg.interpolation} is not supported`);
  // open_clip's default for configs older than the field.
  const resizeMode = cfg.resize_mode ?? 'shortest';
  if (resizeMode !== 'shortest' && resizeMode !== 'squash')
    throw new Error(`resize_mode ${resizeMode} is not supported`);
  return {
    size,
    mean: triple(cfg.mean, 'mean'),
    std: triple(cfg.std, 'std'),
    kernel,
    resizeMode,
  };
}

async function loadTextual(dir: string): Promise<TextualSide> {
  const session = await openSession(join(dir, 'textual', 'model.onnx'));
  const tokenizer = await unavailableUnless('tokenizer', async () => {
    const config = (await readJsonIfThere(join(dir, 'config.json'))) as
      { text_cfg?: { context_length?: number } } | undefined;
    const tokenizerConfig = (await readJsonIfThere(
      join(dir, 'textual', 'tokenizer_config.json'),
    )) as { pad_token?: string | { content: string } } | undefined;
    // The model's own input shape wins over the config: it is what the session accepts.
    const shape = inputOf(session).shape;
    const contextLength =
      typeof shape[1] === 'number' ? shape[1] : (config?.text_cfg?.context_length ?? 77);
    const pad = tokenizerConfig?.pad_token;
    const options = { contextLength, padToken: typeof pad === 'object' ? pad.content : pad };
    const json = await readJsonIfThere(join(dir, 'textual', 'tokenizer.json'));
    if (json !== undefined) return ClipTokenizer.fromTokenizerJson(json, options);
    return ClipTokenizer.fromVocabAndMerges(
      (await readJson(join(dir, 'textual', 'vocab.json'))) as Record<string, number>,
      await readFile(join(dir, 'textual', 'merges.txt'), 'utf8'),
      options,
    );
  });
  return { session, tokenizer };
}

function inputOf(session: ort.InferenceSession): ort.InferenceSession.TensorValueMetadata {
  const meta = session.inputMetadata[0];
  if (!meta?.isTensor) throw new ModelUnavailableError('the CLIP model takes no tensor input');
  return meta;
}

async function firstOutput(
  session: ort.InferenceSession,
  feeds: Record<string, ort.Tensor>,
): Promise<Float32Array> {
  const outputs = await session.run(feeds);
  const data = outputs[session.outputNames[0]!]!.data;
  return data instanceof Float32Array ? data : Float32Array.from(data as ArrayLike<number>);
}

async function embedImage(side: VisualSide, image: Uint8Array): Promise<Float32Array> {
  const { size, mean, std, kernel, resizeMode } = side.preprocess;
  const decoded = sharp(image).removeAlpha().toColourspace('srgb');
  const { width = size, height = size } = await decoded.metadata();
  let pipeline: Sharp;
  if (resizeMode === 'squash') {
    pipeline = decoded.resize(size, size, { fit: 'fill', kernel });
  } else {
    // immich_ml's resize_pil and crop_pil: the short side to `size`, then the centre square.
    const [w, h] =
      width < height
        ? [size, Math.trunc((height / width) * size)]
        : [Math.trunc((width / height) * size), size];
    pipeline = decoded.resize(w, h, { fit: 'fill', kernel }).extract({
      left: Math.trunc(w / 2 - size / 2),
      top: Math.trunc(h / 2 - size / 2),
      width: size,
      height: size,
    });
  }
  const rgb = await pipeline.raw().toBuffer();
  const input = inputOf(side.session);
  if (input.type === 'uint8') {
    // A model that normalizes its input itself takes the pixels as they are (NHWC).
    return firstOutput(side.session, {
      [input.name]: new ort.Tensor('uint8', new Uint8Array(rgb), [1, size, size, 3]),
    });
  }
  const plane = size * size;
  const chw = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++)
    for (let c = 0; c < 3; c++) chw[c * plane + i] = (rgb[i * 3 + c]! / 255 - mean[c]!) / std[c]!;
  return firstOutput(side.session, {
    [input.name]: new ort.Tensor('float32', chw, [1, 3, size, size]),
  });
}

async function embedText(side: TextualSide, text: string): Promise<Float32Array> {
  const ids = side.tokenizer.encode(text);
  const input = inputOf(side.session);
  const tensor =
    input.type === 'int64'
      ? new ort.Tensor(
          'int64',
          BigInt64Array.from(ids, (id) => BigInt(id)),
          [1, ids.length],
        )
      : new ort.Tensor('int32', ids, [1, ids.length]);
  return firstOutput(side.session, { [input.name]: tensor });
}

/** The vector at unit length (exports normalize already; a model that does not is made to). */
function unit(vector: Float32Array): Float32Array {
  let norm = 0;
  for (const value of vector) norm += value * value;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! / norm;
  return vector;
}
