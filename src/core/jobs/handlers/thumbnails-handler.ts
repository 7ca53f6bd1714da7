import { renditionKeyFor } from '../../assets/asset.js';
import type { AssetRepository } from '../../assets/asset-repository.js';
import { UndecodableImageError, type ImageRenderer } from '../../media/image-renderer.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { completed, failed, type AssetJobHandler } from '../asset-job.js';
import { createHash } from 'node:crypto';

/** Makes the thumbnail, the preview and the placeholder from one decode of the original. */
export const thumbnailsHandler =
  (assets: AssetRepository, blobs: BlobStore, renderer: ImageRenderer): AssetJobHandler =>
  async (assetId) => {
    const asset = await assets.get(assetId);
    if (!asset) return completed;
    if (asset.type === 'video') {
      // Video frames need ffmpeg, which arrives with video support; the asset is kept and listed.
      await assets.saveRenditions(assetId, { renditions: null, thumbhash: null });
      return completed;
    }
    let rendered;
    try {
      rendered = await blobs.withLocalFile(asset.originalKey, (path) => renderer.render(path));
    } catch (error) {
      if (error instanceof UndecodableImageError) {
        const reason = `The picture could not be read: ${error.message}`;
        await assets.markFailed(assetId, reason);
        return failed(reason);
      }
      throw error;
    }
    const { thumbnail, preview } = rendered;
    const thumbnailKey = renditionKeyFor(assetId, 'thumbnail', thumbnail.format);
    const previewKey = renditionKeyFor(assetId, 'preview', preview.format);
    await blobs.put(thumbnailKey, thumbnail.data);
    await blobs.put(previewKey, preview.data);
    const version = createHash('sha256')
      .update(thumbnail.data)
      .update(preview.data)
      .digest('base64url')
      .slice(0, 16);
    await assets.saveRenditions(assetId, {
      renditions: { thumbnailKey, previewKey, version },
      thumbhash: rendered.thumbhash,
      width: rendered.width,
      height: rendered.height,
    });
    return completed;
  };
