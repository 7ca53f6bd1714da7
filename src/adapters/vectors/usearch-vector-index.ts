import { createHash } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { StoredVectors, VectorIndex, VectorMatch } from '../../core/search/vector-index.js';

/** Rows read from the table per query while rebuilding or catching up. */
const BATCH = 2_000;
/** Changes are written to the file this long after the last one (and when the server stops). */
const SAVE_DELAY_MS = 10_000;
/** "KSVECS1" and a zero: the file's first eight bytes. */
const MAGIC = Buffer.from('KSVECS1\0', 'latin1');
/** Magic, dimensions (u32), count (u32), highest key (f64). */
const HEADER_BYTES = 24;

/** The file of one model's index in `folder`: a model of its own has an index of its own. */
export const indexFileFor = (folder: string, model: string): string =>
  join(folder, `${createHash('sha256').update(model).digest('hex').slice(0, 16)}.vectors`);

/*
 * [Note: Exact search with usearch]
 * The vectors are kept as one matrix and searched exhaustively with usearch's SIMD kernels
 * (`exactSearch`, cosine), not through its HNSW graph. Measured on the 2-core machine (loaded by
 * other work): 100,000 vectors of 512 dimensions are searched in ~20 ms exhaustively against ~13
 * ms through HNSW, but building the HNSW graph took 869 s (and any rebuild would again), where the
 * matrix is filled as fast as the rows decode. A personal library is within that range, and
 * exhaustive search is exact. The file is the matrix as it is in memory: header, keys (f64),
 * vectors (f32), written beside and renamed over the old one; its length is checked on load.
 */

/**
 * The stored vectors of one model in memory, saved to `file`, kept up to date with the table.
 * See: [Note: One vector index per process], [Note: Exact search with usearch]. usearch is
 * imported when the first index opens: a process that never searches never loads it.
 */
export class UsearchVectorIndex implements VectorIndex {
  private vectors = new Float32Array(0);
  private keys = new Float64Array(0);
  private readonly rowOf = new Map<number, number>();
  private count = 0;
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
    return this.count;
  }

  async add(key: number, vector: Float32Array): Promise<void> {
    this.addNow(key, vector);
    this.maxKey = Math.max(this.maxKey, key);
    this.changed();
  }

  async remove(key: number): Promise<void> {
    const row = this.rowOf.get(key);
    if (row === undefined) return;
    // The last row takes the removed one's place.
    const last = this.count - 1;
    if (row !== last) {
      const d = this.dimensions;
      this.vectors.copyWithin(row * d, last * d, (last + 1) * d);
      this.keys[row] = this.keys[last]!;
      this.rowOf.set(this.keys[row]!, row);
    }
    this.rowOf.delete(key);
    this.count--;
    this.changed();
  }

  async search(vector: Float32Array, k: number): Promise<VectorMatch[]> {
    await this.serially(() => this.catchUp());
    if (this.count === 0 || k < 1 || vector.length !== this.dimensions) return [];
    const matches = this.usearch.exactSearch(
      this.vectors.subarray(0, this.count * this.dimensions),
      vector,
      this.dimensions,
      Math.min(k, this.count),
      this.usearch.MetricKind.Cos,
    ) as InstanceType<typeof this.usearch.Matches>;
    return Array.from(matches.keys, (row, i) => ({
      key: this.keys[Number(row)]!,
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
    this.count = 0;
    this.dimensions = 0;
    this.maxKey = 0;
    this.rowOf.clear();
    await this.catchUp();
    this.dirty = true;
    await this.save();
  }

  private addNow(key: number, vector: Float32Array): void {
    if (this.count === 0 && vector.length !== this.dimensions) {
      this.dimensions = vector.length;
      this.keys = new Float64Array(0);
      this.vectors = new Float32Array(0);
    }
    // A vector of another size belongs to no model this index serves.
    if (vector.length !== this.dimensions) return;
    let row = this.rowOf.get(key);
    if (row === undefined) {
      row = this.count++;
      this.reserve(this.count);
      this.keys[row] = key;
      this.rowOf.set(key, row);
    }
    this.vectors.set(vector, row * this.dimensions);
  }

  /** Room for `rows`, grown by half again each time. */
  private reserve(rows: number): void {
    if (this.keys.length >= rows) return;
    const capacity = Math.max(rows, Math.ceil(this.keys.length * 1.5), 1024);
    const keys = new Float64Array(capacity);
    keys.set(this.keys.subarray(0, this.count));
    const vectors = new Float32Array(capacity * this.dimensions);
    vectors.set(this.vectors.subarray(0, this.count * this.dimensions));
    this.keys = keys;
    this.vectors = vectors;
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

  private async save(): Promise<void> {
    if (!this.dirty) return;
    this.dirty = false;
    const header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(header, 0);
    header.writeUInt32LE(this.dimensions, 8);
    header.writeUInt32LE(this.count, 12);
    header.writeDoubleLE(this.maxKey, 16);
    const keys = this.keys.subarray(0, this.count);
    const vectors = this.vectors.subarray(0, this.count * this.dimensions);
    const temporary = `${this.file}.tmp`;
    const file = await open(temporary, 'w');
    try {
      await file.write(header);
      await file.write(new Uint8Array(keys.buffer, keys.byteOffset, keys.byteLength));
      await file.write(new Uint8Array(vectors.buffer, vectors.byteOffset, vectors.byteLength));
    } finally {
      await file.close();
    }
    await rename(temporary, this.file);
  }

  /** False when there is no file, or it is not one this wrote whole. */
  private async load(): Promise<boolean> {
    let file;
    try {
      file = await open(this.file, 'r');
    } catch {
      return false;
    }
    try {
      const header = Buffer.alloc(HEADER_BYTES);
      const { bytesRead } = await file.read(header, 0, HEADER_BYTES, 0);
      if (bytesRead !== HEADER_BYTES || !header.subarray(0, 8).equals(MAGIC)) return false;
      const dimensions = header.readUInt32LE(8);
      const count = header.readUInt32LE(12);
      const expected = HEADER_BYTES + count * 8 + count * dimensions * 4;
      if ((await file.stat()).size !== expected) return false;
      const keys = new Float64Array(count);
      const vectors = new Float32Array(count * dimensions);
      await file.read(new Uint8Array(keys.buffer), 0, keys.byteLength, HEADER_BYTES);
      await file.read(
        new Uint8Array(vectors.buffer),
        0,
        vectors.byteLength,
        HEADER_BYTES + count * 8,
      );
      this.keys = keys;
      this.vectors = vectors;
      this.count = count;
      this.dimensions = dimensions;
      this.maxKey = header.readDoubleLE(16);
      this.rowOf.clear();
      keys.forEach((key, row) => this.rowOf.set(key, row));
      return true;
    } catch {
      return false;
    } finally {
      await file.close();
    }
  }
}
