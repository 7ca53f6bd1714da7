import type { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import type { BlobStore, ByteRange, PresignGetOptions } from '../ports/blob-store.js';
import type { Clock } from '../ports/clock.js';
import type { Asset, RenditionSize } from './asset.js';
import type { AssetFlags, AssetListQuery, AssetRepository } from './asset-repository.js';
import { readableAsset, type AssetReadGrant } from './asset-read-grants.js';
import { reasonForPeople } from '../jobs/failure-reasons.js';

export interface BlobDownload {
  asset: Asset;
  size: number;
  /** Opens the bytes, or a range of them; called after conditional checks pass. */
  open(range?: ByteRange): Promise<Readable>;
  /** A short-lived URL of the same bytes in the object store; only where the store signs URLs. */
  directUrl?(expiresSeconds: number, options?: PresignGetOptions): Promise<string>;
}

/** One person's library: reading, flagging, trashing and restoring their assets. */
export class AssetsService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly blobs: BlobStore,
    private readonly clock: Clock,
    private readonly readGrants: readonly AssetReadGrant[] = [],
  ) {}

  async getOrFail(ownerId: string, id: string): Promise<Asset> {
    const asset = await this.assets.getOwned(ownerId, id);
    if (!asset) throw new AppError('ASSET_NOT_FOUND', 'No such asset.');
    return asset;
  }

  /** Mine, or shared with me. See: [Note: Reading someone else's asset]. */
  async readableOrFail(userId: string, id: string): Promise<Asset> {
    return this.found(await readableAsset(this.assets, this.readGrants, userId, id));
  }

  list(ownerId: string, query: AssetListQuery): Promise<Asset[]> {
    return this.assets.list(ownerId, query);
  }

  async update(ownerId: string, id: string, flags: AssetFlags): Promise<Asset> {
    return this.found(await this.assets.setFlags(ownerId, id, flags));
  }

  /** A Live Photo's or motion photo's hidden motion part goes with its still. */
  async trash(ownerId: string, id: string): Promise<Asset> {
    const asset = await this.getOrFail(ownerId, id);
    if (asset.trashedAt) return asset;
    const trashedAt = this.clock.now().toISOString();
    const trashed = this.found(await this.assets.setTrashed(ownerId, id, trashedAt));
    if (trashed.livePhotoVideoId)
      await this.assets.setTrashed(ownerId, trashed.livePhotoVideoId, trashedAt);
    return trashed;
  }

  async restore(ownerId: string, id: string): Promise<Asset> {
    const restored = this.found(await this.assets.setTrashed(ownerId, id, null));
    if (restored.livePhotoVideoId)
      await this.assets.setTrashed(ownerId, restored.livePhotoVideoId, null);
    return restored;
  }

  /** Which of these checksums the person already has, so a client can skip those uploads. */
  async existing(
    ownerId: string,
    checksums: string[],
  ): Promise<{ id: string; checksum: string }[]> {
    const unique = [...new Set(checksums.map((c) => c.toLowerCase()))];
    return this.assets.findChecksums(ownerId, unique);
  }

  async original(userId: string, id: string): Promise<BlobDownload> {
    const asset = await this.readableOrFail(userId, id);
    return {
      asset,
      size: asset.fileSize,
      open: (range) => this.blobs.get(asset.originalKey, range),
      directUrl: this.directUrlOf(asset.originalKey),
    };
  }

  async rendition(
    userId: string,
    id: string,
    size: RenditionSize,
  ): Promise<BlobDownload & { version: string; mimeType: string }> {
    const asset = await this.readableOrFail(userId, id);
    if (!asset.renditions) {
      throw new AppError(
        'RENDITION_NOT_READY',
        asset.status === 'failed'
          ? `This asset has no ${size}: ${reasonForPeople(asset.error ?? 'it could not be read')}`
          : `The ${size} is not ready yet.`,
      );
    }
    const key = size === 'thumbnail' ? asset.renditions.thumbnailKey : asset.renditions.previewKey;
    const stat = await this.blobs.stat(key);
    if (!stat)
      throw new AppError('RENDITION_NOT_READY', `The ${size} is missing; it will be made again.`);
    return {
      asset,
      size: stat.size,
      version: asset.renditions.version,
      mimeType: key.endsWith('.webp') ? 'image/webp' : 'image/jpeg',
      open: (range) => this.blobs.get(key, range),
      directUrl: this.directUrlOf(key),
    };
  }

  private directUrlOf(key: string): BlobDownload['directUrl'] {
    const { blobs } = this;
    if (!blobs.presignGet) return undefined;
    return (expiresSeconds, options) => blobs.presignGet!(key, expiresSeconds, options);
  }

  private found(asset: Asset | undefined): Asset {
    if (!asset) throw new AppError('ASSET_NOT_FOUND', 'No such asset.');
    return asset;
  }
}
