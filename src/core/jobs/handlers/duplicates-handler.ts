import type { AssetRepository } from '../../assets/asset-repository.js';
import type { DuplicateRepository } from '../../duplicates/duplicate-repository.js';
import type { PerceptualHasher } from '../../duplicates/perceptual-hasher.js';
import { UndecodableImageError } from '../../media/image-renderer.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { completed, failed, type AssetJobHandler } from '../asset-job.js';

/**
 * Fingerprints the asset's preview for near-duplicates, in place of an earlier fingerprint.
 * Groups are not made here: they are worked out when asked for. See: [Note: Near-duplicates].
 * Only photos: a video's poster frame says little about the video.
 */
export const duplicatesHandler =
  (
    assets: AssetRepository,
    blobs: BlobStore,
    hasher: PerceptualHasher,
    fingerprints: DuplicateRepository,
  ): AssetJobHandler =>
  async (assetId) => {
    const asset = await assets.get(assetId);
    if (!asset?.renditions || asset.type !== 'image') return completed;
    const preview = await readAll(blobs, asset.renditions.previewKey);
    try {
      await fingerprints.saveFingerprint(
        assetId,
        hasher.version,
        await hasher.fingerprint(preview),
      );
    } catch (error) {
      if (error instanceof UndecodableImageError) return failed(error.message);
      throw error;
    }
    return completed;
  };

async function readAll(blobs: BlobStore, key: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of await blobs.get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
