import type { HashedAsset } from './near-duplicates.js';
import type { ImageFingerprint } from './perceptual-hasher.js';

/** A fingerprinted photo of the owner's, with what the review page shows of it. */
export interface DuplicateCandidate extends HashedAsset {
  width: number | null;
  height: number | null;
  fileSize: number;
  originalFileName: string;
  /** Names the current thumbnail (its URL may be cached forever). */
  thumbnailVersion: string | null;
}

/** Where fingerprints and dismissed groups are kept. See: [Note: Near-duplicates]. */
export interface DuplicateRepository {
  saveFingerprint(assetId: string, version: string, fingerprint: ImageFingerprint): Promise<void>;
  /** The owner's photos fingerprinted at `version`, less trashed and hidden ones. */
  candidates(ownerId: string, version: string): Promise<DuplicateCandidate[]>;
  /** The member sets of the groups the owner chose to keep whole. */
  dismissedSets(ownerId: string): Promise<string[][]>;
  dismiss(ownerId: string, groupId: string, assetIds: readonly string[], at: string): Promise<void>;
}
