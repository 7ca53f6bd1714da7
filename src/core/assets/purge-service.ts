import type { BlobStore } from '../ports/blob-store.js';
import type { Clock } from '../ports/clock.js';
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

  private async purgeWhile(filter: { ownerId?: string; trashedBefore?: string }): Promise<number> {
    let purged = 0;
    for (;;) {
      const ids = await this.assets.listTrashedIds({ ...filter, limit: 200 });
      if (ids.length === 0) return purged;
      for (const id of ids) if (await this.purge(id)) purged++;
    }
  }

  private async purge(id: string): Promise<boolean> {
    const asset = await this.assets.get(id);
    if (!asset?.trashedAt) return false;
    await this.transactor.run(async (tx) => {
      await tx.lockContent(asset.checksum);
      await tx.deleteAsset(id);
      if ((await tx.countByChecksum(asset.checksum)) === 0)
        await this.blobs.delete(asset.originalKey);
    });
    if (asset.renditions) {
      await this.blobs.delete(asset.renditions.thumbnailKey);
      await this.blobs.delete(asset.renditions.previewKey);
    }
    return true;
  }
}
