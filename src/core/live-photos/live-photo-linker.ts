import type { Asset } from '../assets/asset.js';
import type { AssetRepository } from '../assets/asset-repository.js';
import type { FileMetadata } from '../media/metadata-reader.js';
import type { MotionPhotoService } from './motion-photo-service.js';

/*
 * [Note: Live Photos and motion photos]
 * A Live Photo is two files: a still (HEIC, JPEG) and a short video (.mov), uploaded one by one,
 * in either order, maybe minutes apart, maybe processed at the same moment by two workers. Both
 * carry Apple's content identifier. A motion photo (Google, Samsung) is one file: a still with
 * the video inside, which Keepsake stores as an asset of its own (motion-photo-service.ts).
 *
 * Either way a person sees the still: its `livePhotoVideoId` names the motion part, which is
 * hidden (kept, fetched and played through its id, but no timeline, listing or month count shows
 * it) and goes to the trash, back, and away for good with its still (assets-service.ts,
 * purge-service.ts). Only a video becomes a still's motion part, never another still.
 *
 * Pairing needs no lock. The metadata step saves the content identifier (its own commit) before
 * it looks for the other half, so under read committed, of two halves processed together at
 * least one sees the other. Whoever looks computes the same pairs from the same rows (every
 * still with the identifier, the oldest upload among its videos that did not fail), and linking
 * writes the same values again: running twice, or both at once, is harmless.
 */
export class LivePhotoLinker {
  constructor(
    private readonly assets: AssetRepository,
    private readonly motionPhotos: MotionPhotoService,
  ) {}

  /** After the metadata step has saved what the file says about `asset` (read before that). */
  async afterMetadata(
    asset: Asset,
    found: Pick<FileMetadata, 'contentId' | 'embedsVideo' | 'make'>,
  ): Promise<void> {
    if (found.contentId) await this.pair(asset.ownerId, found.contentId);
    else if (asset.type === 'image' && !asset.livePhotoVideoId && mayEmbedVideo(found))
      await this.motionPhotos.extract(asset, { declared: found.embedsVideo });
  }

  private async pair(ownerId: string, contentId: string): Promise<void> {
    const halves = await this.assets.findByContentId(ownerId, contentId);
    const video = halves.find((a) => a.type === 'video' && a.status !== 'failed');
    if (!video) return;
    for (const still of halves) {
      if (still.type === 'image' && still.livePhotoVideoId !== video.id)
        await this.assets.linkMotionPart(still.id, video.id);
    }
  }
}

/**
 * Google's and newer Samsung phones' motion photos say so in their XMP; older Samsung phones
 * write only a trailer after the picture, which the metadata read skips (ExifTool's -fast), so
 * a Samsung still is asked too (the extractor first checks that the file ends in a trailer).
 */
const mayEmbedVideo = (found: Pick<FileMetadata, 'embedsVideo' | 'make'>): boolean =>
  found.embedsVideo || /^samsung$/i.test(found.make ?? '');
