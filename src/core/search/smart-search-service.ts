import type { Asset } from '../assets/asset.js';
import { AppError } from '../errors.js';
import { ModelUnavailableError, type ImageTextEmbedder } from '../vision/vision-ports.js';
import type { EmbeddingRepository } from './embedding-repository.js';
import type { VectorIndex } from './vector-index.js';

/** What smart search runs on; absent when no CLIP model is configured. */
export interface SmartSearchModel {
  embedder: ImageTextEmbedder;
  /** Opened on the first search (it loads or rebuilds its file). */
  index: () => Promise<VectorIndex>;
}

/** Nearest neighbours are fetched this many times over what is asked for, for others' assets. */
const OVER_FETCH = 4;

/**
 * Search by meaning: the query's CLIP vector against those of the photos. One index holds every
 * owner's vectors, so the nearest are fetched several times over and filtered to the caller's
 * own assets (not trashed, not a hidden motion part); when too few remain, more are fetched.
 */
export class SmartSearchService {
  constructor(
    private readonly model: SmartSearchModel | undefined,
    private readonly embeddings: EmbeddingRepository,
  ) {}

  async search(ownerId: string, query: string, limit: number): Promise<Asset[]> {
    if (!this.model)
      throw new AppError(
        'SMART_SEARCH_OFF',
        'Smart search needs a CLIP model: set KEEPSAKE_CLIP_MODEL_DIR (see docs/configuration.md, "Vision")',
      );
    let vector: Float32Array;
    try {
      vector = await this.model.embedder.embedText(query);
    } catch (error) {
      if (error instanceof ModelUnavailableError)
        throw new AppError('SMART_SEARCH_UNAVAILABLE', error.message);
      throw error;
    }
    const index = await this.model.index();
    const found: Asset[] = [];
    for (let k = limit * OVER_FETCH; ; k *= OVER_FETCH) {
      const matches = await index.search(vector, k);
      const rows = await this.embeddings.assetsOfKeys(matches.map((m) => m.key));
      const assetOf = new Map(rows.map((row) => [row.key, row.asset]));
      found.length = 0;
      for (const { key } of matches) {
        const asset = assetOf.get(key);
        // Its asset was deleted since: the index forgets it.
        if (!asset) await index.remove(key);
        else if (asset.ownerId === ownerId && !asset.trashedAt && !asset.isHidden)
          found.push(asset);
        if (found.length === limit) return found;
      }
      if (matches.length < k) return found;
    }
  }
}
