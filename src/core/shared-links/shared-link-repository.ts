import type { Asset } from '../assets/asset.js';
import type {
  NewSharedLink,
  OwnedSharedLink,
  SharedLink,
  SharedLinkWithSecret,
} from './shared-link.js';

/** Shared links and what they show. Every read by id is scoped to the owner. */
export interface SharedLinkRepository {
  create(link: NewSharedLink): Promise<void>;
  /** The owner's links, newest first, revoked ones included. */
  listFor(ownerId: string): Promise<OwnedSharedLink[]>;
  /** Stamps `revokedAt`; false when the owner has no such link (or it is revoked already). */
  revoke(ownerId: string, id: string, revokedAt: string): Promise<boolean>;
  /**
   * By the SHA-256 of its key; revoked and expired ones, and those of a disabled owner, too (the
   * service decides).
   */
  findByKeyHash(keyHash: string): Promise<SharedLinkWithSecret | undefined>;
  /**
   * The photos the link shows now (neither trashed nor hidden, nor of a user who is disabled or
   * awaiting deletion), newest first.
   */
  assetsOf(link: SharedLink): Promise<Asset[]>;
  /**
   * The owner of the asset when the link shows it now, else nothing. In a shared album that may
   * be a member other than the link's owner.
   */
  ownerOfShown(link: SharedLink, assetId: string): Promise<string | undefined>;
  /** Of these ids, those the user owns and that may be shared (neither trashed nor hidden). */
  shareableAssetIds(ownerId: string, ids: readonly string[]): Promise<Set<string>>;
}
