import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { stepOrFail } from '../jobs/pipeline.js';
import type { SidecarReader } from '../media/sidecar-reader.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { AssetRepository, TransactionScope, Transactor } from './asset-repository.js';
import {
  MAX_SIDECAR_BYTES,
  pickSidecarTarget,
  sidecarBaseName,
  sidecarKeyFor,
} from './sidecars.js';
import type { ReceivedFile, UploadInfo, UploadResult, UploadService } from './upload-service.js';

export interface SidecarResult {
  /** The asset the sidecar now belongs to. */
  id: string;
  status: 'sidecar';
}

/**
 * Attaches XMP sidecars to photos: sent with the photo, later to a named asset, or later on
 * their own and matched by file name. The sidecar is checked (ExifTool must read it as XMP),
 * stored durably at the asset's sidecar key, recorded on the asset, and the metadata step runs
 * again to apply it; the original is never touched. See: [Note: XMP sidecars].
 */
export class SidecarService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly transactor: Transactor,
    private readonly blobs: BlobStore,
    private readonly reader: SidecarReader,
    private readonly uploads: UploadService,
  ) {}

  /** Reads a sidecar from a request, refusing one larger than MAX_SIDECAR_BYTES. */
  async receive(source: Readable): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of source as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_SIDECAR_BYTES) {
        throw new AppError(
          'FILE_TOO_LARGE',
          `An XMP sidecar may be at most ${MAX_SIDECAR_BYTES / 1024} KiB.`,
        );
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  /** Uploads a photo with its sidecar: both are kept, or (a bad sidecar) neither. */
  async acceptWithPhoto(
    ownerId: string,
    received: ReceivedFile,
    info: UploadInfo,
    xmp: Buffer,
  ): Promise<UploadResult> {
    try {
      await this.check(xmp);
    } catch (error) {
      await received.discard();
      throw error;
    }
    // A new asset's first metadata job sees the sidecar (same transaction); a duplicate's
    // metadata runs again.
    return this.uploads.accept(ownerId, received, info, (tx, result) =>
      this.storeIn(tx, ownerId, result.id, xmp, { rerun: result.status === 'duplicate' }),
    );
  }

  /** Gives one of the owner's assets this sidecar, replacing any it had. */
  async attach(ownerId: string, assetId: string, xmp: Buffer): Promise<SidecarResult> {
    if (!(await this.assets.getOwned(ownerId, assetId)))
      throw new AppError('ASSET_NOT_FOUND', 'No such asset.');
    await this.check(xmp);
    return this.store(ownerId, assetId, xmp);
  }

  /** Attaches a sidecar sent on its own to the owner's newest photo of the name it points at. */
  async attachByName(ownerId: string, fileName: string, xmp: Buffer): Promise<SidecarResult> {
    const base = sidecarBaseName(fileName);
    const target = pickSidecarTarget(base, await this.assets.listSidecarCandidates(ownerId, base));
    if (!target) {
      throw new AppError(
        'SIDECAR_PHOTO_NOT_FOUND',
        `No photo named “${base}” or “${base}.*” to attach “${fileName}” to: ` +
          'upload the photo first, or send the sidecar with it.',
      );
    }
    await this.check(xmp);
    return this.store(ownerId, target.id, xmp);
  }

  private async check(xmp: Buffer): Promise<void> {
    if (xmp.length === 0) throw new AppError('EMPTY_FILE', 'The sidecar is empty.');
    if (!(await this.reader.read(xmp)))
      throw new AppError('INVALID_SIDECAR', 'The sidecar is not XMP that Keepsake can read.');
  }

  private async store(ownerId: string, assetId: string, xmp: Buffer): Promise<SidecarResult> {
    await this.transactor.run((tx) => this.storeIn(tx, ownerId, assetId, xmp, { rerun: true }), {
      // The answer acknowledges the sidecar: it must survive a power cut.
      durable: true,
    });
    return { id: assetId, status: 'sidecar' };
  }

  private async storeIn(
    tx: TransactionScope,
    ownerId: string,
    assetId: string,
    xmp: Buffer,
    { rerun }: { rerun: boolean },
  ): Promise<void> {
    const key = sidecarKeyFor(assetId);
    // Written whole and synced before the row names it; a failed commit leaves a file that the
    // next sidecar for this asset overwrites.
    await this.blobs.put(key, xmp);
    if (!(await tx.attachSidecar(ownerId, assetId, key)))
      throw new AppError('ASSET_NOT_FOUND', 'No such asset.');
    if (rerun) {
      const metadata = stepOrFail('metadata');
      await tx.enqueue({
        name: metadata.name,
        queue: metadata.queue,
        // The renditions do not depend on the sidecar: see [Note: Re-running one step].
        payload: { assetId, onlyThisStep: true },
      });
    }
  }
}
