import { mkdir, open, readFile, stat, rename, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Index } from 'usearch';
import type { StoredVectors, VectorIndex, VectorMatch } from '../../core/search/vector-index.js';

/** Rows read from the table per query while rebuilding or catching up. */
const BATCH = 2_000;
/** Changes are written to the file this long after the last one (and when the server stops). */
const SAVE_DELAY_MS = 10_000;

/** The file of one model's index in `folder`: a model of its own has an index of its own. */
export const indexFileFor = (folder: string, model: string): string =>
  join(folder, `${createHash('sha256').update(model).digest('hex').slice(0, 16)}.usearch`);

interface SavedState {
  /** The highest key the saved index holds. */
  maxKey: number;
  dimensions: number;
  /** Vectors in the file, and its length: usearch trusts its header, so a file is checked first. */
  count: number;
  bytes: number;
}

/**
 * usearch (HNSW, cosine) in memory, saved to `file` (+ `file.json`), kept up to date with the
 * stored vectors. See: [Note: One vector index per process]. usearch is imported when the first
 * index opens: a process that never searches never loads it.
 */
export class UsearchVectorIndex implements VectorIndex {
  private index: Index | undefined;
  private dimensions = 0;
  private maxKey = 0;
  private saveTimer: NodeJS.Timeout | undefined;
  private dirty = false;
  /** Catching up and saving happen one at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly usearch: typeof import('usearch'),
    private readonly file: string,
    private readonly stored: StoredVectors,
  ) {}

  /** Loads the file if it holds what the table does, else rebuilds it from the table. */
  static async open(file: string, stored: StoredVectors): Promise<UsearchVectorIndex> {
    const usearch = await import('usearch');
    const vectors = new UsearchVectorIndex(usearch, file, stored);
    await mkdir(dirname(file), { recursive: true });
    const loaded = await vectors.load();
    const { count, maxKey } = await stored.summary();
    if (loaded && vectors.maxKey <= maxKey) await vectors.catchUp();
    if (!loaded || vectors.maxKey !== maxKey || vectors.size !== count) await vectors.rebuild();
    return vectors;
  }

  get size(): number {
    return this.index ? Number(this.index.size()) : 0;
  }

  async add(key: number, vector: Float32Array): Promise<void> {
    this.addNow(key, vector);
    this.maxKey = Math.max(this.maxKey, key);
    this.changed();
  }

  async remove(key: number): Promise<void> {
    if (this.index?.contains(BigInt(key))) {
      this.index.remove(BigInt(key));
      this.changed();
    }
  }

  async search(vector: Float32Array, k: number): Promise<VectorMatch[]> {
    await this.serially(() => this.catchUp());
    if (!this.index || this.size === 0 || vector.length !== this.dimensions) return [];
    const matches = this.index.search(vector, Math.min(k, this.size), 0);
    return Array.from(matches.keys, (key, i) => ({
      key: Number(key),
      distance: matches.distances[i]!,
    }));
  }

  /** Writes what is pending and stops the timer. */
  async close(): Promise<void> {
    clearTimeout(this.saveTimer);
    await this.serially(() => this.save());
  }

  /** Takes the stored vectors with a key above the highest held. */
  private async catchUp(): Promise<void> {
    for (;;) {
      const rows = await this.stored.after(this.maxKey, BATCH);
      for (const { key, vector } of rows) {
        this.addNow(key, vector);
        this.maxKey = key;
      }
      if (rows.length > 0) this.changed();
      if (rows.length < BATCH) return;
    }
  }

  private async rebuild(): Promise<void> {
    this.index = undefined;
    this.dimensions = 0;
    this.maxKey = 0;
    await this.catchUp();
    this.dirty = true;
    await this.save();
  }

  private addNow(key: number, vector: Float32Array): void {
    if (!this.index) {
      this.dimensions = vector.length;
      this.index = new this.usearch.Index({
        dimensions: vector.length,
        metric: this.usearch.MetricKind.Cos,
        quantization: this.usearch.ScalarKind.F32,
        connectivity: 0,
        expansion_add: 0,
        expansion_search: 0,
        multi: false,
      });
    }
    // A vector of another size belongs to no model this index serves.
    if (vector.length !== this.dimensions) return;
    const id = BigInt(key);
    if (this.index.contains(id)) this.index.remove(id);
    this.index.add(id, vector);
  }

  private changed(): void {
    this.dirty = true;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.serially(() => this.save()), SAVE_DELAY_MS);
    this.saveTimer.unref();
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The index file and its state, each written beside and renamed over the old one. */
  private async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    await rm(this.file, { force: true });
    await rm(`${this.file}.json`, { force: true });
    if (!this.index) return;
    this.index.save(`${this.file}.tmp`);
    await rename(`${this.file}.tmp`, this.file);
    const state: SavedState = {
      maxKey: this.maxKey,
      dimensions: this.dimensions,
      count: this.size,
      bytes: (await stat(this.file)).size,
    };
    await writeFile(`${this.file}.json.tmp`, JSON.stringify(state));
    await rename(`${this.file}.json.tmp`, `${this.file}.json`);
  }

  /**
   * The file is as saved: its length, and its header's count and vector size. usearch reads a
   * damaged or foreign file as if it were whole (and may allocate without end).
   */
  private async looksSaved(state: SavedState): Promise<boolean> {
    const file = await open(this.file, 'r');
    try {
      if ((await file.stat()).size !== state.bytes) return false;
      const header = Buffer.alloc(8);
      await file.read(header, 0, 8, 0);
      return (
        header.readUInt32LE(0) === state.count && header.readUInt32LE(4) === state.dimensions * 4
      );
    } finally {
      await file.close();
    }
  }

  /** False when there is no file, or it cannot be read. */
  private async load(): Promise<boolean> {
    try {
      const state = JSON.parse(await readFile(`${this.file}.json`, 'utf8')) as SavedState;
      if (!(await this.looksSaved(state))) return false;
      const index = new this.usearch.Index({
        dimensions: state.dimensions,
        metric: this.usearch.MetricKind.Cos,
        quantization: this.usearch.ScalarKind.F32,
        connectivity: 0,
        expansion_add: 0,
        expansion_search: 0,
        multi: false,
      });
      index.load(this.file);
      this.index = index;
      this.dimensions = state.dimensions;
      this.maxKey = state.maxKey;
      return true;
    } catch {
      return false;
    }
  }
}
