import { AppError } from '../errors.js';
import { writeXmpSidecar } from '../media/xmp-sidecar-writer.js';
import type { PlaceResolver } from '../places/place-resolver.js';
import type { Asset } from './asset.js';
import type { AssetFlags, AssetRepository } from './asset-repository.js';
import type { MetadataEditRepository } from './metadata-edit-repository.js';
import {
  editedFieldsOf,
  isEmptyEdit,
  readMetadataEdit,
  type MetadataEdit,
  type MetadataEditInput,
} from './metadata-edits.js';

export type AssetPatch = AssetFlags & MetadataEditInput;

export interface BulkEditResult {
  id: string;
  status: 'updated' | 'not-found';
}

/** Changes what an owner says about their assets, one or many. See: [Note: Metadata edits]. */
export class MetadataEditService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly edits: MetadataEditRepository,
    private readonly places: PlaceResolver,
  ) {}

  async update(ownerId: string, id: string, patch: AssetPatch): Promise<Asset> {
    const edit = readMetadataEdit(patch);
    const asset = await this.apply(ownerId, id, flagsOf(patch), edit);
    if (!asset) throw new AppError('ASSET_NOT_FOUND', 'No such asset.');
    return asset;
  }

  /** The same change on each asset, answering per id; someone else's reads as not found. */
  async updateMany(ownerId: string, ids: string[], patch: AssetPatch): Promise<BulkEditResult[]> {
    const edit = readMetadataEdit(patch);
    const results: BulkEditResult[] = [];
    for (const id of new Set(ids)) {
      const asset = await this.apply(ownerId, id, flagsOf(patch), edit);
      results.push({ id, status: asset ? 'updated' : 'not-found' });
    }
    return results;
  }

  /** The values in effect, edits included, as an XMP sidecar named after the original. */
  async exportSidecar(ownerId: string, id: string): Promise<{ fileName: string; xmp: string }> {
    const asset = await this.assets.getOwned(ownerId, id);
    if (!asset) throw new AppError('ASSET_NOT_FOUND', 'No such asset.');
    return { fileName: `${asset.originalFileName}.xmp`, xmp: writeXmpSidecar(asset) };
  }

  private async apply(
    ownerId: string,
    id: string,
    flags: AssetFlags,
    edit: MetadataEdit,
  ): Promise<Asset | undefined> {
    const asset = await this.assets.getOwned(ownerId, id);
    if (!asset) return undefined;
    if (flags.isFavorite !== undefined || flags.isArchived !== undefined)
      await this.assets.setFlags(ownerId, id, flags);
    if (!isEmptyEdit(edit)) {
      const editedFields = [...new Set([...asset.editedFields, ...editedFieldsOf(edit)])];
      // Named from the new position: [Note: Place names].
      const place =
        edit.location === undefined
          ? undefined
          : edit.location && this.places.resolve(edit.location.latitude, edit.location.longitude);
      await this.edits.saveEdit(ownerId, id, edit, { place, editedFields });
    }
    return this.assets.getOwned(ownerId, id);
  }
}

const flagsOf = ({ isFavorite, isArchived }: AssetPatch): AssetFlags => ({
  ...(isFavorite !== undefined && { isFavorite }),
  ...(isArchived !== undefined && { isArchived }),
});
