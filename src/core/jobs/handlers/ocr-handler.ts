import type { AssetRepository } from '../../assets/asset-repository.js';
import type { BlobStore } from '../../ports/blob-store.js';
import type { TextService } from '../../text/text-service.js';
import { ModelUnavailableError, type TextReader } from '../../vision/vision-ports.js';
import { completed, failed, type AssetJobHandler } from '../asset-job.js';

/**
 * Reads the text on the asset's preview and stores it, in place of an earlier run's. See:
 * [Note: Text in photos]. A model that cannot load fails the step with its reason (the asset
 * stays ready); anything else is thrown, and retried.
 */
export const ocrHandler =
  (
    assets: AssetRepository,
    blobs: BlobStore,
    reader: TextReader,
    texts: Pick<TextService, 'record'>,
  ): AssetJobHandler =>
  async (assetId) => {
    const asset = await assets.get(assetId);
    // Gone since, or never got a preview: there is nothing to read.
    if (!asset?.renditions) return completed;
    const preview = await readAll(blobs, asset.renditions.previewKey);
    let read;
    try {
      read = await reader.readText(preview);
    } catch (error) {
      if (error instanceof ModelUnavailableError) return failed(error.message);
      throw error;
    }
    await texts.record(assetId, read);
    return completed;
  };

async function readAll(blobs: BlobStore, key: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of await blobs.get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
