import type { Asset } from '../assets/asset.js';
import type { StoredVectors } from './vector-index.js';

/** CLIP vectors of assets, one per asset. See: [Note: One vector index per process]. */
export interface EmbeddingRepository {
  /** Stores (or replaces) the asset's vector under a new key. */
  save(assetId: string, model: string, vector: Float32Array): Promise<void>;
  /** The assets behind these keys, whoever owns them; a key whose row is gone is left out. */
  assetsOfKeys(keys: readonly number[]): Promise<{ key: number; asset: Asset }[]>;
  /** The stored vectors of one model, for its index. */
  storedVectors(model: string): StoredVectors;
}
