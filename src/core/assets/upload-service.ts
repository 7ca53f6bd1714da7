import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { FIRST_STEP } from '../jobs/pipeline.js';
import { captureTimeFromClient } from '../media/capture-time.js';
import type { MediaSniffer } from '../media/media-sniffer.js';
import type { BlobStore, StagedBlob } from '../ports/blob-store.js';
import type { Clock } from '../ports/clock.js';
import { originalKeyFor } from './asset.js';
import type { TransactionScope, Transactor } from './asset-repository.js';
import { ContentTap } from './content-tap.js';

export interface UploadInfo {
  fileName: string;
  fileCreatedAt?: string | null;
  fileModifiedAt?: string | null;
  deviceId?: string | null;
  deviceAssetId?: string | null;
}

export interface ReceivedFile {
  staged: StagedBlob;
  checksum: string;
  /** The first bytes, for telling the format. */
  head: Buffer;
  discard(): Promise<void>;
}

/** Refuses an upload that would take its owner over their storage quota. */
export interface UploadQuota {
  assertRoom(ownerId: string, bytes: number, checksum?: string): Promise<void>;
}

export interface UploadResult {
  id: string;
  status: 'created' | 'duplicate';
}

/**
 * Ingests one original. The bytes go to staging while being hashed; only once they are durable
 * does one transaction move them into place, insert the asset and queue its first job. A crash
 * before that commit leaves nothing visible; after it, nothing is lost.
 */
export class UploadService {
  constructor(
    private readonly blobs: BlobStore,
    private readonly transactor: Transactor,
    private readonly sniffer: MediaSniffer,
    private readonly clock: Clock,
    private readonly quota?: UploadQuota,
  ) {}

  /** Refuses early an upload of a known size that cannot fit the owner's quota. */
  async assertRoom(ownerId: string, bytes: number): Promise<void> {
    await this.quota?.assertRoom(ownerId, bytes);
  }

  /** Ingests a whole upload: receive, then accept. */
  async ingest(ownerId: string, source: Readable, info: UploadInfo): Promise<UploadResult> {
    return this.accept(ownerId, await this.receive(source), info);
  }

  /**
   * Streams the bytes to staging, hashing them on the way. Nothing is visible yet: call
   * `accept` (which consumes the received file) or `received.discard()`.
   */
  async receive(source: Readable): Promise<ReceivedFile> {
    const tap = new ContentTap(this.sniffer.headBytes);
    source.on('error', (error) => tap.destroy(error));
    const staged = await this.blobs.stage(source.pipe(tap));
    return { staged, checksum: tap.digest(), head: tap.head, discard: () => staged.discard() };
  }

  /**
   * Turns received bytes into an asset (or finds the one the owner already has). `onAccepted`
   * runs in the same transaction, once the asset exists (a sidecar sent with the photo joins it).
   */
  async accept(
    ownerId: string,
    received: ReceivedFile,
    info: UploadInfo,
    onAccepted?: (tx: TransactionScope, result: UploadResult) => Promise<void>,
  ): Promise<UploadResult> {
    const { staged, checksum } = received;
    try {
      validateClientDate('fileCreatedAt', info.fileCreatedAt);
      validateClientDate('fileModifiedAt', info.fileModifiedAt);
      if (staged.size === 0) throw new AppError('EMPTY_FILE', 'The file is empty.');
      const media = await this.sniffer.detect(received.head, info.fileName);
      if (!media) {
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          `“${info.fileName}” is not a photo or video format Keepsake can keep.`,
        );
      }
      // Before anything is stored: a refused file leaves nothing behind (staging is discarded).
      await this.quota?.assertRoom(ownerId, staged.size, checksum);
      const uploadedAt = this.clock.now().toISOString();
      const result = await this.transactor.run(
        async (tx): Promise<UploadResult> => {
          await tx.lockContent(checksum);
          const existing = await tx.findOwnedByChecksum(ownerId, checksum);
          if (existing) {
            // Uploading a photo again brings it back from the trash: the person clearly wants it.
            if (existing.trashedAt) await tx.restore(existing.id);
            const duplicate: UploadResult = { id: existing.id, status: 'duplicate' };
            await onAccepted?.(tx, duplicate);
            return duplicate;
          }
          const id = crypto.randomUUID();
          const originalKey = originalKeyFor(checksum);
          await staged.commit(originalKey);
          const client = {
            fileCreatedAt: info.fileCreatedAt ?? null,
            fileModifiedAt: info.fileModifiedAt ?? null,
            uploadedAt,
          };
          await tx.insertAsset({
            id,
            ownerId,
            type: media.type,
            originalFileName: info.fileName,
            mimeType: media.mimeType,
            fileSize: staged.size,
            checksum,
            originalKey,
            deviceId: info.deviceId ?? null,
            deviceAssetId: info.deviceAssetId ?? null,
            ...client,
            takenAt: captureTimeFromClient(client),
          });
          await tx.enqueue({ ...FIRST_STEP, payload: { assetId: id } });
          const created: UploadResult = { id, status: 'created' };
          await onAccepted?.(tx, created);
          return created;
        },
        // The answer acknowledges the upload: it must survive a power cut.
        { durable: true },
      );
      if (result.status === 'duplicate') await staged.discard();
      return result;
    } catch (error) {
      await staged.discard();
      throw error;
    }
  }
}

function validateClientDate(field: string, value: string | null | undefined): void {
  if (value && Number.isNaN(Date.parse(value))) {
    throw new AppError('VALIDATION_FAILED', `${field} must be an ISO 8601 date-time.`);
  }
}
