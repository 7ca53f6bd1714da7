import type { Asset } from './asset.js';
import type { AssetRepository } from './asset-repository.js';

/*
 * [Note: Reading someone else's asset]
 * An asset is read (its details, original, thumbnail, preview, video) by its owner, and by anyone
 * a grant lets read it: a member of an album that shows it (AlbumRepository.showsToMember), or a
 * partner the owner shares their library with ([Note: Partner sharing]).
 * Every read goes through `readableAsset`, so a new way of sharing is one more grant, not one
 * more check in each route. Changes (flags, trash, sidecars) stay the owner's, through getOwned.
 * Anyone else gets "not found", as if the asset did not exist.
 */
export interface AssetReadGrant {
  /** Whether `userId`, who does not own the asset, may read it. */
  mayRead(userId: string, assetId: string): Promise<boolean>;
}

/** The asset when the user owns it or a grant lets them read it; otherwise nothing. */
export async function readableAsset(
  assets: AssetRepository,
  grants: readonly AssetReadGrant[],
  userId: string,
  id: string,
): Promise<Asset | undefined> {
  const owned = await assets.getOwned(userId, id);
  if (owned) return owned;
  for (const grant of grants) if (await grant.mayRead(userId, id)) return assets.get(id);
  return undefined;
}
