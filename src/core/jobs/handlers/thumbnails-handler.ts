import type { Asset } from '../../assets/asset.js';
import { renditionKeyFor } from '../../assets/asset.js';
import type { AssetRepository } from '../../assets/asset-repository.js';
import {
  UndecodableImageError,
  type ImageRenderer,
  type RenderedImage,
} from '../../media/image-renderer.js';
import { MediaToolMissingError, UnreadableVideoError } from '../../media/video-errors.js';
import type { VideoFrameExtractor } from '../../media/video-frame-extractor.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { completed, failed, type AssetJobHandler } from '../asset-job.js';
import { createHash } from 'node:crypto';
import { reasonForPeople } from '../failure-reasons.js';

/**
 * Makes the thumbnail, the preview and the placeholder from one decode of the original; for a
 * video, from its poster frame, with the same renderer.
 */
export const thumbnailsHandler =
  (
    assets: AssetRepository,
    blobs: BlobStore,
    renderer: ImageRenderer,
    frames: VideoFrameExtractor,
  ): AssetJobHandler =>
  async (assetId) => {
    const asset = await assets.get(assetId);
    if (!asset) return completed;
    const isVideo = asset.type === 'video';
    let rendered: RenderedImage;
    try {
      rendered = await blobs.withLocalFile(asset.originalKey, (path) =>
        isVideo
          ? frames.withPosterFrame(path, asset.durationMs, (frame) => renderer.render(frame))
          : renderer.render(path),
      );
    } catch (error) {
      const reason = expectedFailure(asset, error);
      if (reason === undefined) throw error;
      await assets.markFailed(assetId, reasonForPeople(reason));
      return failed(reason);
    }
    const { thumbnail, preview } = rendered;
    const thumbnailKey = renditionKeyFor(assetId, 'thumbnail', thumbnail.format);
    const previewKey = renditionKeyFor(assetId, 'preview', preview.format);
    // At once: each put waits on its fsyncs, and the two do not depend on each other.
    await Promise.all([
      blobs.put(thumbnailKey, thumbnail.data),
      blobs.put(previewKey, preview.data),
    ]);
    const version = createHash('sha256')
      .update(thumbnail.data)
      .update(preview.data)
      .digest('base64url')
      .slice(0, 16);
    await assets.saveRenditions(assetId, {
      renditions: { thumbnailKey, previewKey, version },
      thumbhash: rendered.thumbhash,
      // A video's displayed size came from ffprobe in the metadata step; the frame agrees with it.
      ...(isVideo ? {} : { width: rendered.width, height: rendered.height }),
    });
    return completed;
  };

/** The reason to record for an outcome a retry would not change; undefined for anything else. */
function expectedFailure(asset: Asset, error: unknown): string | undefined {
  if (error instanceof MediaToolMissingError) return error.message;
  if (error instanceof UnreadableVideoError) return `The video could not be read: ${error.message}`;
  if (error instanceof UndecodableImageError)
    return asset.type === 'video'
      ? `The video's poster frame could not be read: ${error.message}`
      : `The picture could not be read: ${error.message}`;
  return undefined;
}
