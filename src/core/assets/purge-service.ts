import { AppError } from '../errors.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { Clock } from '../ports/clock.js';
import { renditionsPrefixFor, type Asset } from './asset.js';
import type { AssetRepository, Transactor } from './asset-repository.js';

/*
 * [Note: Content locks]
 * Originals are stored once per content (the key is the SHA-256), so two assets, of one person
 * or of two, may share a file. A purge deletes the file only when no asset row references it any
 * more, and it checks and deletes under the same content lock an upload takes before it links a
 * new row to that file: otherwise an upload could link to a file a purge is about to remove.
 */
export class PurgeService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly transactor: Transactor,
    private readonly blobs: BlobStore,
    private readonly clock: Clock,
    private readonly trashDays: number,
  ) {}

  /** Deletes for good what has been in any trash longer than the configured days. */
  async purgeExpired(): Promise<number> {
    const trashedBefore = new Date(this.clock.now().getTime() - this.trashDays * 86_400_000);
    return this.purgeWhile({ trashedBefore: trashedBefore.toISOString() });
  }

  /** Empties one person's trash now. */
  emptyTrash(ownerId: string): Promise<number> {
    return this.purgeWhile({ ownerId });
  }

  /** Deletes one asset of one person for good; only from the trash, so nothing goes by mistake. */
  async deleteTrashed(ownerId: string, id: string): Promise<void> {
    const asset = await this.assets.getOwned(ownerId, id);
    if (!asset || asset.isHidden) throw new AppError('ASSET_NOT_FOUND', 'No such asset.');
    if (!asset.trashedAt)
      throw new AppError(
        'ASSET_NOT_IN_TRASH',
        'Only an asset in the trash can be deleted for good; move it to the trash first.',
      );
    await this.purge(id);
  }

  private async purgeWhile(filter: { ownerId?: string; trashedBefore?: string }): Promise<number> {
    let purged = 0;
    for (;;) {
      const ids = await this.assets.listTrashedIds({ ...filter, limit: 200 });
      if (ids.length === 0) return purged;
      for (const id of ids) if (await this.purge(id)) purged++;
    }
  }

  /** True when it deleted something the person saw (a hidden motion part is not counted). */
  private async purge(id: string): Promise<boolean> {
    const asset = await this.assets.get(id);
    if (!asset?.trashedAt) return false;
    await this.purgeAsset(asset);
    // Its motion part goes with it, trashed alongside or not (linked while the still was).
    if (asset.livePhotoVideoId) {
      const part = await this.assets.get(asset.livePhotoVideoId);
      if (part?.isHidden) await this.purgeAsset(part);
    }
    return !asset.isHidden;
  }

  private async purgeAsset(asset: Asset): Promise<void> {
    const { id } = asset;
    if (asset.isHidden) await this.assets.unlinkMotionPart(id);
    await this.transactor.run(async (tx) => {
      await tx.lockContent(asset.checksum);
      await tx.deleteAsset(id);
      if ((await tx.countByChecksum(asset.checksum)) === 0)
        await this.blobs.delete(asset.originalKey);
    });
    // Thumbnail, preview, and a video's playable copy and HLS set: all under one prefix.
    for await (const key of this.blobs.list(renditionsPrefixFor(id))) await this.blobs.delete(key);
    if (asset.sidecarKey) await this.blobs.delete(asset.sidecarKey);
  }
}
