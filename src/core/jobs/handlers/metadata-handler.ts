import type { AssetRepository } from '../../assets/asset-repository.js';
import { keepEdits } from '../../assets/metadata-edits.js';
import type { LivePhotoLinker } from '../../live-photos/live-photo-linker.js';
import { chooseMimeType } from '../../media/mime-type.js';
import {
  CAPTURE_DATE_TAGS,
  chooseCaptureTime,
  VIDEO_CAPTURE_DATE_TAGS,
} from '../../media/capture-time.js';
import type { MetadataReader } from '../../media/metadata-reader.js';
import { applySidecar } from '../../media/sidecar-merge.js';
import type { SidecarReader } from '../../media/sidecar-reader.js';
import { MediaToolMissingError, UnreadableVideoError } from '../../media/video-errors.js';
import type { VideoProbe, VideoProber } from '../../media/video-prober.js';
import type { PlaceResolver } from '../../places/place-resolver.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { completed, failed, type AssetJobHandler } from '../asset-job.js';
import { readStoredSidecar } from './stored-sidecar.js';
import { reasonForPeople } from '../failure-reasons.js';

const SWAPS_AXES = new Set([5, 6, 7, 8]);

/**
 * Reads capture time, place, camera and size from the original, and names the place (a town).
 * For a video, ExifTool still gives dates, place and camera; ffprobe gives what a player shows: the duration, and the size
 * after the rotation the file asks for (ExifTool reports the stored size).
 */
export const metadataHandler =
  (
    assets: AssetRepository,
    blobs: BlobStore,
    reader: MetadataReader,
    prober: VideoProber,
    livePhotos: LivePhotoLinker,
    sidecars: SidecarReader,
    places: PlaceResolver,
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
    const embedded = {
      takenAt: chooseCaptureTime(
        meta.dates,
        asset,
        isVideo ? VIDEO_CAPTURE_DATE_TAGS : CAPTURE_DATE_TAGS,
      ),
      latitude: meta.latitude,
      longitude: meta.longitude,
      description: meta.description,
      rating: meta.rating,
      keywords: meta.keywords,
    };
    // See: [Note: XMP sidecars]; the owner's own edits outrank both: [Note: Metadata edits].
    const sidecar = await readStoredSidecar(asset, blobs, sidecars);
    const described = keepEdits(sidecar ? applySidecar(embedded, sidecar) : embedded, asset);
    await assets.saveMetadata(assetId, {
      ...described,
      // Named from the final position, the sidecar's where it gives one: [Note: Place names].
      place:
        described.latitude !== null && described.longitude !== null
          ? places.resolve(described.latitude, described.longitude)
          : null,
      // Once there are renditions, the decoder's size stands: [Note: Re-running one step].
      width: asset.renditions ? asset.width : (probe?.width ?? (swap ? meta.height : meta.width)),
      height: asset.renditions
        ? asset.height
        : (probe?.height ?? (swap ? meta.width : meta.height)),
      make: meta.make,
      model: meta.model,
      lensModel: meta.lensModel,
      fNumber: meta.fNumber,
      exposureTime: meta.exposureTime,
      iso: meta.iso,
      focalLength: meta.focalLength,
      // A still has no duration, whatever its container says: ExifTool reads one (1 s) from the
      // QuickTime header of a Canon CR3, and the viewer then showed a photo as a clip "0:01".
      durationMs: isVideo ? (probe?.durationMs ?? meta.durationMs) : null,
      mimeType: chooseMimeType(asset.mimeType, meta.mimeType),
      videoCodec: probe?.videoCodec ?? null,
      audioCodec: probe?.audioCodec ?? null,
      frameRate: probe?.frameRate ?? null,
      contentId: meta.contentId,
      burstId: meta.burstId,
    });
    // What ExifTool read is kept either way; the asset stays listed, with the reason.
    if (video && 'reason' in video) {
      await assets.markFailed(assetId, reasonForPeople(video.reason));
      return failed(video.reason);
    }
    // Saved first, then looked for: see [Note: Live Photos and motion photos].
    await livePhotos.afterMetadata(asset, meta);
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
