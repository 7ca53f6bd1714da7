import { Readable } from 'node:stream';
import { originalKeyFor, type Asset } from '../assets/asset.js';
import type { Transactor } from '../assets/asset-repository.js';
import { ContentTap } from '../assets/content-tap.js';
import { FIRST_STEP } from '../jobs/pipeline.js';
import type { MediaSniffer } from '../media/media-sniffer.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { Clock } from '../ports/clock.js';
import type { EmbeddedVideoExtractor } from './embedded-video-extractor.js';

/**
 * Turns the video inside a motion photo into the still's hidden motion part: stored and
 * deduplicated like an upload (same content key, same checksum rule, its own pass through the
 * pipeline for metadata, thumbnails and playback), and linked in the transaction that creates it.
 * See: [Note: Live Photos and motion photos] in live-photo-linker.ts.
 */
export class MotionPhotoService {
  constructor(
    private readonly blobs: BlobStore,
    private readonly transactor: Transactor,
    private readonly sniffer: MediaSniffer,
    private readonly extractor: EmbeddedVideoExtractor,
    private readonly clock: Clock,
  ) {}

  /** Idempotent: run again, the same bytes find the part already stored and link it again. */
  async extract(still: Asset, options: { declared: boolean }): Promise<void> {
    const video = await this.blobs.withLocalFile(still.originalKey, (path) =>
      this.extractor.extract(path, options),
    );
    if (!video) return;
    const tap = new ContentTap(this.sniffer.headBytes);
    const staged = await this.blobs.stage(Readable.from([video]).pipe(tap));
    let keep = false;
    try {
      const checksum = tap.digest();
      const fileName = `${still.originalFileName.replace(/\.[^.]*$/, '')}.mp4`;
      const media = await this.sniffer.detect(tap.head, fileName);
      if (media?.type !== 'video') return;
      const uploadedAt = this.clock.now().toISOString();
      await this.transactor.run(
        async (tx) => {
          await tx.lockContent(checksum);
          const existing = await tx.findOwnedByChecksum(still.ownerId, checksum);
          if (existing && existing.type !== 'video') return;
          let videoId = existing?.id;
          if (existing?.trashedAt && !still.trashedAt) await tx.restore(existing.id);
          if (!videoId) {
            videoId = crypto.randomUUID();
            const originalKey = originalKeyFor(checksum);
            await staged.commit(originalKey);
            keep = true;
            await tx.insertAsset({
              id: videoId,
              ownerId: still.ownerId,
              type: 'video',
              originalFileName: fileName,
              mimeType: media.mimeType,
              fileSize: staged.size,
              checksum,
              originalKey,
              deviceId: null,
              deviceAssetId: null,
              fileCreatedAt: still.fileCreatedAt,
              fileModifiedAt: still.fileModifiedAt,
              uploadedAt,
              // Until its own metadata step reads the video: taken when its still was.
              takenAt: still.takenAt,
            });
            await tx.enqueue({ ...FIRST_STEP, payload: { assetId: videoId } });
          }
          await tx.linkMotionPart(still.id, videoId);
        },
        { durable: true },
      );
    } finally {
      if (!keep) await staged.discard();
    }
  }
}
