import type { AssetRepository } from '../../assets/asset-repository.js';
import { chooseMimeType } from '../../media/mime-type.js';
import {
  CAPTURE_DATE_TAGS,
  chooseCaptureTime,
  VIDEO_CAPTURE_DATE_TAGS,
} from '../../media/capture-time.js';
import type { MetadataReader } from '../../media/metadata-reader.js';
import { MediaToolMissingError, UnreadableVideoError } from '../../media/video-errors.js';
import type { VideoProbe, VideoProber } from '../../media/video-prober.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { completed, failed, type AssetJobHandler } from '../asset-job.js';

const SWAPS_AXES = new Set([5, 6, 7, 8]);

/**
 * Reads capture time, place, camera and size from the original. For a video, ExifTool still
 * gives dates, place and camera; ffprobe gives what a player shows: the duration, and the size
 * after the rotation the file asks for (ExifTool reports the stored size).
 */
export const metadataHandler =
  (
    assets: AssetRepository,
    blobs: BlobStore,
    reader: MetadataReader,
    prober: VideoProber,
  ): AssetJobHandler =>
  async (assetId) => {
    const asset = await assets.get(assetId);
    if (!asset) return completed; // purged meanwhile: nothing left to describe
    const isVideo = asset.type === 'video';
    const { meta, video } = await blobs.withLocalFile(asset.originalKey, async (path) => ({
      meta: await reader.read(path),
      video: isVideo ? await probeVideo(prober, path) : undefined,
    }));
    const probe = video && 'probe' in video ? video.probe : undefined;
    const swap = meta.orientation !== null && SWAPS_AXES.has(meta.orientation);
    await assets.saveMetadata(assetId, {
      takenAt: chooseCaptureTime(
        meta.dates,
        asset,
        isVideo ? VIDEO_CAPTURE_DATE_TAGS : CAPTURE_DATE_TAGS,
      ),
      width: probe?.width ?? (swap ? meta.height : meta.width),
      height: probe?.height ?? (swap ? meta.width : meta.height),
      latitude: meta.latitude,
      longitude: meta.longitude,
      make: meta.make,
      model: meta.model,
      lensModel: meta.lensModel,
      fNumber: meta.fNumber,
      exposureTime: meta.exposureTime,
      iso: meta.iso,
      focalLength: meta.focalLength,
      durationMs: probe?.durationMs ?? meta.durationMs,
      mimeType: chooseMimeType(asset.mimeType, meta.mimeType),
      videoCodec: probe?.videoCodec ?? null,
      audioCodec: probe?.audioCodec ?? null,
      frameRate: probe?.frameRate ?? null,
      // Filled in by the Live Photo, burst and sidecar readers.
      contentId: null,
      burstId: null,
      description: null,
      rating: null,
      keywords: [],
    });
    // What ExifTool read is kept either way; the asset stays listed, with the reason.
    if (video && 'reason' in video) {
      await assets.markFailed(assetId, video.reason);
      return failed(video.reason);
    }
    return completed;
  };

async function probeVideo(
  prober: VideoProber,
  path: string,
): Promise<{ probe: VideoProbe } | { reason: string }> {
  try {
    return { probe: await prober.probe(path) };
  } catch (error) {
    if (error instanceof MediaToolMissingError) return { reason: error.message };
    if (error instanceof UnreadableVideoError)
      return { reason: `The video could not be read: ${error.message}` };
    throw error;
  }
}
