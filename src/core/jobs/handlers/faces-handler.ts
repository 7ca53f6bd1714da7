import type { AssetRepository } from '../../assets/asset-repository.js';
import type { FaceRecorder } from '../../people/face-recorder.js';
import { bytesOf, type FaceThumbnails } from '../../people/face-thumbnails.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { ModelUnavailableError, type FaceDetector } from '../../vision/vision-ports.js';
import { completed, failed, type AssetJobHandler } from '../asset-job.js';

/**
 * Finds the faces on the asset's preview and groups them into the owner's people. See:
 * [Note: Faces into people]. A model that cannot load fails the step with its reason (the asset
 * stays ready); anything else is thrown, and retried.
 */
export const facesHandler =
  (
    assets: AssetRepository,
    blobs: BlobStore,
    detector: FaceDetector,
    recorder: FaceRecorder,
    thumbnails: FaceThumbnails,
  ): AssetJobHandler =>
  async (assetId) => {
    const asset = await assets.get(assetId);
    // Gone since, or never got a preview: there is nothing to look at. A Live Photo's hidden video
    // shows the faces of its still, which has them already.
    if (!asset?.renditions || asset.isHidden) return completed;
    const preview = await bytesOf(asset.renditions.previewKey, blobs);
    let found;
    try {
      found = await detector.detectFaces(preview);
    } catch (error) {
      if (error instanceof ModelUnavailableError) return failed(error.message);
      throw error;
    }
    const gone = await recorder.record(asset.ownerId, assetId, found);
    await thumbnails.forget(assetId, gone);
    return completed;
  };
