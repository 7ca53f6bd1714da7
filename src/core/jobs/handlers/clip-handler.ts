import type { AssetRepository } from '../../assets/asset-repository.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { EmbeddingRepository } from '../../search/embedding-repository.js';
import { ModelUnavailableError, type ImageTextEmbedder } from '../../vision/vision-ports.js';
import { completed, failed, type AssetJobHandler } from '../asset-job.js';

/**
 * The asset's CLIP vector, from its preview (a video's is its poster frame), for smart search.
 * A model that cannot load fails the step with its reason; anything else is thrown, and retried.
 */
export const clipHandler =
  (
    assets: AssetRepository,
    blobs: BlobStore,
    embedder: ImageTextEmbedder,
    embeddings: EmbeddingRepository,
  ): AssetJobHandler =>
  async (assetId) => {
    const asset = await assets.get(assetId);
    // Gone since, or never got a preview: there is nothing to look at.
    if (!asset?.renditions) return completed;
    const chunks: Uint8Array[] = [];
    for await (const chunk of await blobs.get(asset.renditions.previewKey))
      chunks.push(chunk as Uint8Array);
    const preview = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
    let offset = 0;
    for (const chunk of chunks) {
      preview.set(chunk, offset);
      offset += chunk.length;
    }
    let vector: Float32Array;
    try {
      vector = await embedder.embedImage(preview);
    } catch (error) {
      if (error instanceof ModelUnavailableError) return failed(error.message);
      throw error;
    }
    await embeddings.save(assetId, embedder.version, vector);
    return completed;
  };
