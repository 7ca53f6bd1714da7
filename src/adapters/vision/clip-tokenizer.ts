/*
 * [Note: CLIP tokenizer]
 * CLIP's text side reads byte-level BPE tokens: the text is normalized (NFC, runs of white space
 * made one space, lower case), split into words, letters and numbers by CLIP's pattern, each
 * word's UTF-8 bytes spelled with GPT-2's printable byte alphabet, `</w>` added to its last
 * symbol, and the pairs in `merges` joined, lowest rank first, until none applies. The ids go
 * between `<|startoftext|>` and `<|endoftext|>`, cut to the model's context (77), and padded
 * with the pad token of `tokenizer_config.json` (OpenCLIP pads with 0). This is what Immich gets
 * from Hugging Face's `tokenizers` reading the same `tokenizer.json` (immich_ml, OpenClipTextualEncoder),
 * written out here (a hundred lines) rather than loading a tokenizer library on the pool for it.
 * The files an export may hold: `tokenizer.json` (vocab and merges inside), or `vocab.json` and
 * `merges.txt`.
 */

/** CLIP's pre-tokenizer pattern (contractions, letters, single digits, other runs). */
const WORDS = /'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+/gu;
const START = '<|startoftext|>';
const END = '<|endoftext|>';

export interface ClipTokenizerFiles {
  /** `token → id`. */
  vocab: Record<string, number>;
  /** Pairs in rank order: `"a b"` or `["a", "b"]`. */
  merges: readonly (string | readonly [string, string])[];
  /** The pad token's name (tokenizer_config.json `pad_token`); missing: id 0, as OpenCLIP pads. */
  padToken?: string;
  /** Tokens a text is made of at most, start and end included. */
  contextLength: number;
}

/** GPT-2's byte → printable character table (bytes_to_unicode). */
function byteAlphabet(): string[] {
  const printable: number[] = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const table: string[] = [];
  let extra = 0;
  for (let b = 0; b < 256; b++)
    table[b] = String.fromCodePoint(printable.includes(b) ? b : 256 + extra++);
  return table;
}

const BYTES = byteAlphabet();
const encoder = new TextEncoder();

export class ClipTokenizer {
  private readonly ranks = new Map<string, number>();
  private readonly cache = new Map<string, number[]>();
  private readonly startId: number;
  private readonly endId: number;
  private readonly padId: number;

  constructor(private readonly files: ClipTokenizerFiles) {
    files.merges.forEach((merge, rank) => {
      const [a, b] = typeof merge === 'string' ? merge.split(' ') : merge;
      if (a !== undefined && b !== undefined) this.ranks.set(`${a} ${b}`, rank);
    });
    const idOf = (token: string): number => {
      const id = files.vocab[token];
      if (id === undefined) throw new Error(`the tokenizer's vocabulary has no ${token}`);
      return id;
    };
    this.startId = idOf(START);
    this.endId = idOf(END);
    this.padId = files.padToken === undefined ? 0 : idOf(files.padToken);
  }

  /** Reads a Hugging Face `tokenizer.json` (a BPE model with CLIP's `</w>` word ends). */
  static fromTokenizerJson(
    json: unknown,
    options: { padToken?: string; contextLength: number },
  ): ClipTokenizer {
    const model = (json as { model?: { type?: string; vocab?: unknown; merges?: unknown } }).model;
    if (!model || (model.type !== undefined && model.type !== 'BPE') || !model.vocab)
      throw new Error('tokenizer.json holds no BPE model');
    return new ClipTokenizer({
      vocab: model.vocab as Record<string, number>,
      merges: (model.merges ?? []) as ClipTokenizerFiles['merges'],
      ...options,
    });
  }

  /** Reads `vocab.json` and `merges.txt` (whose first line may be `#version: ...`). */
  static fromVocabAndMerges(
    vocab: Record<string, number>,
    mergesText: string,
    options: { padToken?: string; contextLength: number },
  ): ClipTokenizer {
    const merges = mergesText.split('\n').filter((line) => line && !line.startsWith('#version'));
    return new ClipTokenizer({ vocab, merges, ...options });
  }

  /** The ids of `text` as the text model reads them: exactly `contextLength` of them. */
  encode(text: string): Int32Array {
    const ids = new Int32Array(this.files.contextLength).fill(this.padId);
    const content = this.tokenIds(text).slice(0, this.files.contextLength - 2);
    ids[0] = this.startId;
    ids.set(content, 1);
    ids[content.length + 1] = this.endId;
    return ids;
  }

  /** The ids between start and end, uncut. */
  tokenIds(text: string): number[] {
    const normalized = text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
    const ids: number[] = [];
    for (const [word] of normalized.matchAll(WORDS)) {
      let wordIds = this.cache.get(word);
      if (!wordIds) {
        wordIds = this.bpe(word).flatMap((token) => {
          const id = this.files.vocab[token];
          // Not in the vocabulary: the unknown token, which is CLIP's end token.
          return id === undefined ? [this.endId] : [id];
        });
        this.cache.set(word, wordIds);
      }
      ids.push(...wordIds);
    }
    return ids;
  }

  /** The word's BPE tokens (`["lo", "w", "er</w>"]`). */
  bpe(word: string): string[] {
    const symbols = Array.from(encoder.encode(word), (byte) => BYTES[byte]!);
    if (symbols.length === 0) return [];
    symbols[symbols.length - 1] += '</w>';
    for (;;) {
      let best = -1;
      let bestRank = Infinity;
      for (let i = 0; i < symbols.length - 1; i++) {
        const rank = this.ranks.get(`${symbols[i]} ${symbols[i + 1]}`);
        if (rank !== undefined && rank < bestRank) {
          bestRank = rank;
          best = i;
        }
      }
      if (best < 0) return symbols;
      const [left, right] = [symbols[best]!, symbols[best + 1]!];
      // Every occurrence of the pair, left to right.
      for (let i = 0; i < symbols.length - 1; i++) {
        if (symbols[i] === left && symbols[i + 1] === right) symbols.splice(i, 2, left + right);
      }
    }
  }
}
