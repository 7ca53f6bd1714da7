/** One person's whole library shared, read-only, with another. */
export interface Partnership {
  /** The other person: whom I share with, or who shares with me. */
  user: { id: string; name: string };
  /** The receiving partner's choice to see the sharer's photos in their own timeline. */
  inTimeline: boolean;
  createdAt: string;
}

export interface PartnerRepository {
  /** Idempotent: sharing again changes nothing. */
  add(row: { id: string; ownerId: string; partnerId: string; createdAt: string }): Promise<void>;
  /** False when `ownerId` did not share with `partnerId`. */
  remove(ownerId: string, partnerId: string): Promise<boolean>;
  /** False when `ownerId` does not share with `partnerId`. */
  setInTimeline(ownerId: string, partnerId: string, inTimeline: boolean): Promise<boolean>;
  /** Whom `ownerId` shares with. */
  listSharedBy(ownerId: string): Promise<Partnership[]>;
  /** Who shares with `partnerId`. */
  listSharedWith(partnerId: string): Promise<Partnership[]>;
  /** Whether the asset's owner shares with `partnerId` (a trashed asset is no one's to read). */
  sharesAsset(partnerId: string, assetId: string): Promise<boolean>;
  /** Owners sharing with `partnerId` whose photos the partner chose to see in their timeline. */
  timelineOwners(partnerId: string): Promise<string[]>;
}
