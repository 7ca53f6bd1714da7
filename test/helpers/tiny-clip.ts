import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import onnxProto, { type onnx as Onnx } from 'onnx-proto';
import { ClipTokenizer } from '../../src/adapters/vision/clip-tokenizer.js';

/*
 * A CLIP export in miniature, with the interface of Immich's and OpenCLIP's exports
 * (`visual/model.onnx` with input `image` [1,3,S,S] float, `textual/model.onnx` with input `text`
 * [1,77] int32, an `embedding` output each, the tokenizer and preprocessing files beside them),
 * so the real loading, tokenizing, preprocessing and search code runs on it. No CLIP weights ship
 * in npm; this model's weights are chosen by hand: the image side is the mean colour of each
 * channel, the text side a word's fixed vector, so "red" lands near a red photo.
 */

export const TINY_CLIP_DIMENSIONS = 8;
const CONTEXT = 77;
const { onnx } = onnxProto;
const { DataType } = onnx.TensorProto;
const { AttributeType } = onnx.AttributeProto;

/** Words the tiny model knows, with their vectors: [red, green, blue] for the first three axes. */
const WORDS: Record<string, number[]> = {
  red: [1, -1, -1],
  green: [-1, 1, -1],
  blue: [-1, -1, 1],
};

function tensorInput(name: string, elemType: number, dims: number[]): Onnx.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: { elemType, shape: { dim: dims.map((dimValue) => ({ dimValue })) } },
    },
  };
}

function floats(name: string, dims: number[], values: number[]): Onnx.ITensorProto {
  return { name, dims, dataType: DataType.FLOAT, floatData: values };
}

function model(graph: Onnx.IGraphProto): Uint8Array {
  return onnx.ModelProto.encode(
    onnx.ModelProto.create({
      irVersion: 8,
      producerName: 'keepsake-tests',
      opsetImport: [{ domain: '', version: 13 }],
      graph,
    }),
  ).finish();
}

/** image [1,3,S,S] → mean of each channel → [1,3] × W[3,8] → embedding [1,8]. */
function visualModel(size: number): Uint8Array {
  const weights: number[] = [];
  for (let channel = 0; channel < 3; channel++)
    for (let axis = 0; axis < TINY_CLIP_DIMENSIONS; axis++) weights.push(axis === channel ? 1 : 0);
  return model({
    name: 'tiny-clip-visual',
    input: [tensorInput('image', DataType.FLOAT, [1, 3, size, size])],
    output: [tensorInput('embedding', DataType.FLOAT, [1, TINY_CLIP_DIMENSIONS])],
    initializer: [floats('projection', [3, TINY_CLIP_DIMENSIONS], weights)],
    node: [
      { opType: 'GlobalAveragePool', input: ['image'], output: ['pooled'] },
      {
        opType: 'Flatten',
        input: ['pooled'],
        output: ['flat'],
        attribute: [{ name: 'axis', type: AttributeType.INT, i: 1 }],
      },
      { opType: 'MatMul', input: ['flat', 'projection'], output: ['embedding'] },
    ],
  });
}

/** text [1,77] int32 → one vector per token (zero for the special ones) → mean → embedding [1,8]. */
function textualModel(vocabSize: number, tokenVectors: Map<number, number[]>): Uint8Array {
  const table: number[] = [];
  for (let id = 0; id < vocabSize; id++) {
    const vector = tokenVectors.get(id) ?? [];
    for (let axis = 0; axis < TINY_CLIP_DIMENSIONS; axis++) table.push(vector[axis] ?? 0);
  }
  return model({
    name: 'tiny-clip-textual',
    input: [tensorInput('text', DataType.INT32, [1, CONTEXT])],
    output: [tensorInput('embedding', DataType.FLOAT, [1, TINY_CLIP_DIMENSIONS])],
    initializer: [floats('token_embedding', [vocabSize, TINY_CLIP_DIMENSIONS], table)],
    node: [
      { opType: 'Gather', input: ['token_embedding', 'text'], output: ['tokens'] },
      {
        opType: 'ReduceMean',
        input: ['tokens'],
        output: ['embedding'],
        attribute: [
          { name: 'axes', type: AttributeType.INTS, ints: [1] },
          { name: 'keepdims', type: AttributeType.INT, i: 0 },
        ],
      },
    ],
  });
}

/**
 * A tokenizer.json as `AutoTokenizer.save_pretrained` writes CLIP's: byte-level BPE with `</w>`
 * ending each word, `<|startoftext|>`/`<|endoftext|>` around the tokens. Its vocabulary holds
 * the letters, a few merges, and the words above.
 */
function tokenizerFiles(): { tokenizer: unknown; config: unknown; vocab: Map<string, number> } {
  const vocab = new Map<string, number>([['!', 0]]);
  const add = (token: string) => {
    if (!vocab.has(token)) vocab.set(token, vocab.size);
  };
  for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
    add(letter);
    add(`${letter}</w>`);
  }
  const merges: string[][] = [];
  // Longest first: BPE applies the lowest-ranked pair first, and "red"'s "r e" must not come
  // before the merges of "green" (which has "r e" inside it).
  const words = Object.keys(WORDS).sort((a, b) => b.length - a.length);
  for (const word of words) {
    // Left to right: "r e", "re d</w>" ...
    let built = word[0]!;
    for (let i = 1; i < word.length; i++) {
      const next = i === word.length - 1 ? `${word[i]}</w>` : word[i]!;
      merges.push([built, next]);
      built += next;
      add(built);
    }
  }
  add('<|startoftext|>');
  add('<|endoftext|>');
  const special = (content: string) => ({
    id: vocab.get(content),
    content,
    single_word: false,
    lstrip: false,
    rstrip: false,
    normalized: true,
    special: true,
  });
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: [special('<|startoftext|>'), special('<|endoftext|>')],
    normalizer: {
      type: 'Sequence',
      normalizers: [
        { type: 'NFC' },
        { type: 'Replace', pattern: { Regex: '\\s+' }, content: ' ' },
        { type: 'Lowercase' },
      ],
    },
    pre_tokenizer: {
      type: 'Sequence',
      pretokenizers: [
        {
          type: 'Split',
          pattern: {
            Regex: "'s|'t|'re|'ve|'m|'ll|'d|[\\p{L}]+|[\\p{N}]|[^\\s\\p{L}\\p{N}]+",
          },
          behavior: 'Removed',
          invert: true,
        },
        { type: 'ByteLevel', add_prefix_space: false, trim_offsets: true, use_regex: false },
      ],
    },
    post_processor: {
      type: 'RobertaProcessing',
      sep: ['<|endoftext|>', vocab.get('<|endoftext|>')],
      cls: ['<|startoftext|>', vocab.get('<|startoftext|>')],
      trim_offsets: false,
      add_prefix_space: false,
    },
    decoder: { type: 'ByteLevel', add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: 'BPE',
      dropout: null,
      unk_token: '<|endoftext|>',
      continuing_subword_prefix: '',
      end_of_word_suffix: '</w>',
      fuse_unk: false,
      byte_fallback: false,
      vocab: Object.fromEntries(vocab),
      merges,
    },
  };
  const config = {
    bos_token: '<|startoftext|>',
    eos_token: '<|endoftext|>',
    pad_token: '!',
    unk_token: '<|endoftext|>',
    model_max_length: CONTEXT,
  };
  return { tokenizer, config, vocab };
}

/** Writes the tiny export into `dir` (made if missing); answers `dir`. */
export async function writeTinyClipModel(dir: string, imageSize = 224): Promise<string> {
  const { tokenizer, config, vocab } = tokenizerFiles();
  // Each word must come out as its one token, or its vector would be lost.
  const check = ClipTokenizer.fromTokenizerJson(tokenizer, { contextLength: CONTEXT });
  for (const word of Object.keys(WORDS))
    if (check.tokenIds(word).join() !== String(vocab.get(`${word}</w>`)))
      throw new Error(`the tiny tokenizer splits "${word}": ${check.bpe(word).join(' ')}`);
  const tokenVectors = new Map<number, number[]>();
  for (const [word, vector] of Object.entries(WORDS))
    tokenVectors.set(vocab.get(`${word}</w>`)!, vector);
  await mkdir(join(dir, 'visual'), { recursive: true });
  await mkdir(join(dir, 'textual'), { recursive: true });
  await writeFile(join(dir, 'visual', 'model.onnx'), visualModel(imageSize));
  await writeFile(join(dir, 'textual', 'model.onnx'), textualModel(vocab.size, tokenVectors));
  await writeFile(join(dir, 'textual', 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(join(dir, 'textual', 'tokenizer_config.json'), JSON.stringify(config));
  await writeFile(
    join(dir, 'visual', 'preprocess_cfg.json'),
    JSON.stringify({
      size: [imageSize, imageSize],
      mode: 'RGB',
      mean: [0.48145466, 0.4578275, 0.40821073],
      std: [0.26862954, 0.26130258, 0.27577711],
      interpolation: 'bicubic',
      resize_mode: 'shortest',
      fill_color: 0,
    }),
  );
  await writeFile(
    join(dir, 'config.json'),
    JSON.stringify({
      embed_dim: TINY_CLIP_DIMENSIONS,
      vision_cfg: { image_size: imageSize },
      text_cfg: { context_length: CONTEXT, vocab_size: vocab.size },
    }),
  );
  return dir;
}
