import type { AssetRepository } from '../../assets/asset-repository.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { TagsService } from '../../tags/tags-service.js';
import { ModelUnavailableError, type ObjectDetector } from '../../vision/vision-ports.js';
import { completed, failed, type AssetJobHandler } from '../asset-job.js';

/**
 * Finds the things on the asset's preview and makes them its tags, in place of those of an
 * earlier run. See: [Note: Tags]. A model that cannot load fails the step with its reason (the
 * asset stays ready); anything else is thrown, and retried.
 */
export const objectsHandler =
  (
    assets: AssetRepository,
    blobs: BlobStore,
    detector: ObjectDetector,
    tags: Pick<TagsService, 'record'>,
  ): AssetJobHandler =>
  async (assetId) => {
    const asset = await assets.get(assetId);
    // Gone since, or never got a preview: there is nothing to look at.
    if (!asset?.renditions) return completed;
    const preview = await readAll(blobs, asset.renditions.previewKey);
    let found;
    try {
      found = await detector.detectObjects(preview);
    } catch (error) {
      if (error instanceof ModelUnavailableError) return failed(error.message);
      throw error;
    }
    await tags.record(assetId, found);
    return completed;
  };

async function readAll(blobs: BlobStore, key: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of await blobs.get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
