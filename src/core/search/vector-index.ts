/*
 * [Note: One vector index per process]
 * CLIP vectors are stored in the database (asset_embeddings, one row per asset, with an integer
 * `key` that only grows: a new or renewed vector gets the next one). Nearest-neighbour search
 * needs them in an index in memory (usearch: neither SQLite nor this PostgreSQL has pgvector),
 * and that index is a cache of the table, kept by each process that searches, in its own data
 * dir. In scale-out every API process keeps its own file; workers write only the table.
 * - Before each search the index takes the rows with a key above the highest it holds, so a
 *   vector written by any worker is found by the next search in any process.
 * - At open, a file that is missing, unreadable, or does not hold what the table does (more rows
 *   or fewer, a key the table never reached) is rebuilt from the table.
 * - A search that meets a key whose row is gone (its asset was deleted) drops it from the index.
 * Nothing is lost with the file: the table is the truth.
 */

export interface VectorMatch {
  key: number;
  /** Cosine distance, 0 (same direction) to 2 (opposite). */
  distance: number;
}

/** Nearest neighbours among unit vectors, by cosine distance; keys are non-negative integers. */
export interface VectorIndex {
  /** Vectors held. */
  readonly size: number;
  /** Adds or replaces the key's vector. */
  add(key: number, vector: Float32Array): Promise<void>;
  remove(key: number): Promise<void>;
  /** The `k` nearest at most, nearest first. */
  search(vector: Float32Array, k: number): Promise<VectorMatch[]>;
}

export interface KeyedVector {
  key: number;
  vector: Float32Array;
}

/** The stored vectors of one model, as the index rebuilds and catches up from them. */
export interface StoredVectors {
  summary(): Promise<{ count: number; maxKey: number }>;
  /** Those with a key above `key`, by key, `limit` at most. */
  after(key: number, limit: number): Promise<KeyedVector[]>;
}
