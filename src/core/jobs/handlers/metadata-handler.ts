import type { AssetRepository } from '../../assets/asset-repository.js';
import { chooseCaptureTime } from '../../media/capture-time.js';
import type { MetadataReader } from '../../media/metadata-reader.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { completed, type AssetJobHandler } from '../asset-job.js';

const SWAPS_AXES = new Set([5, 6, 7, 8]);

/** Reads capture time, place, camera and size from the original. */
export const metadataHandler =
  (assets: AssetRepository, blobs: BlobStore, reader: MetadataReader): AssetJobHandler =>
  async (assetId) => {
    const asset = await assets.get(assetId);
    if (!asset) return completed; // purged meanwhile: nothing left to describe
    const meta = await blobs.withLocalFile(asset.originalKey, (path) => reader.read(path));
    const swap = meta.orientation !== null && SWAPS_AXES.has(meta.orientation);
    await assets.saveMetadata(assetId, {
      takenAt: chooseCaptureTime(meta.dates, asset),
      width: swap ? meta.height : meta.width,
      height: swap ? meta.width : meta.height,
      latitude: meta.latitude,
      longitude: meta.longitude,
      make: meta.make,
      model: meta.model,
      lensModel: meta.lensModel,
      fNumber: meta.fNumber,
      exposureTime: meta.exposureTime,
      iso: meta.iso,
      focalLength: meta.focalLength,
      durationMs: meta.durationMs,
      mimeType: meta.mimeType ?? asset.mimeType,
    });
    return completed;
  };
