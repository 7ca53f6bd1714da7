import type { JobPayload } from '../ports/job-queue.js';
import type { Asset, AssetMetadata, AssetStatus, NewAsset, Playback, Renditions } from './asset.js';

/**
 * Reads and single-row writes. Every method that a user's request reaches takes `ownerId` and
 * answers nothing for someone else's asset.
 */
export interface AssetRepository {
  getOwned(ownerId: string, id: string): Promise<Asset | undefined>;
  /** Unscoped: for jobs, which act on behalf of the owner already recorded on the asset. */
  get(id: string): Promise<Asset | undefined>;
  findChecksums(ownerId: string, checksums: string[]): Promise<{ id: string; checksum: string }[]>;
  list(ownerId: string, query: AssetListQuery): Promise<Asset[]>;
  setFlags(ownerId: string, id: string, flags: AssetFlags): Promise<Asset | undefined>;
  setTrashed(ownerId: string, id: string, trashedAt: string | null): Promise<Asset | undefined>;
  listTrashedIds(query: {
    ownerId?: string;
    trashedBefore?: string;
    limit: number;
  }): Promise<string[]>;
  saveMetadata(id: string, metadata: AssetMetadata): Promise<void>;
  saveRenditions(
    id: string,
    result: {
      renditions: Renditions | null;
      thumbhash: string | null;
      width?: number;
      height?: number;
    },
  ): Promise<void>;
  /** How the video plays (see [Note: Video playback]); leaves the asset's own status alone. */
  savePlayback(id: string, playback: Playback): Promise<void>;
  markFailed(id: string, reason: string): Promise<void>;
  /**
   * One owner's assets a sidecar named after `baseName` may belong to: named `baseName` or
   * `baseName.<ext>` (any case), neither trashed nor hidden, newest upload first.
   */
  listSidecarCandidates(ownerId: string, baseName: string): Promise<Asset[]>;
  /** processing → ready; leaves a failed asset failed. */
  markReady(id: string): Promise<void>;
  /** Failed assets of every owner, by id, after `after`: see [Note: Processing again]. */
  listFailedIds(query: { after?: string; limit: number }): Promise<string[]>;
  /** How many assets of every owner are failed. */
  countFailed(): Promise<number>;
  /** One owner's assets with this content identifier, oldest upload first. */
  findByContentId(ownerId: string, contentId: string): Promise<Asset[]>;
  /** Makes `videoId` the still's motion part, hidden. See: [Note: Live Photos and motion photos]. */
  linkMotionPart(stillId: string, videoId: string): Promise<void>;
  /** Forgets a motion part that is going away, on every still that names it. */
  unlinkMotionPart(videoId: string): Promise<void>;
}

export interface AssetFlags {
  isFavorite?: boolean;
  isArchived?: boolean;
}

export interface AssetListQuery {
  isFavorite?: boolean;
  isArchived?: boolean;
  isTrashed?: boolean;
  /** Opaque position from the previous page. */
  after?: { local: string; id: string };
  limit: number;
}

/**
 * Work that must happen all together or not at all (an upload's row and its first job; a purge's
 * row and its file). See: [Note: Content locks] in core/assets/purge-service.ts.
 */
export interface Transactor {
  /**
   * Runs `work` in one transaction. With `durable`, the commit is on stable storage (it would
   * survive a power cut) when the promise resolves; without, it may trail by a moment.
   */
  run<T>(work: (tx: TransactionScope) => Promise<T>, options?: { durable?: boolean }): Promise<T>;
}

export interface TransactionScope {
  /** Serialises every transaction that touches the same content (same checksum). */
  lockContent(checksum: string): Promise<void>;
  findOwnedByChecksum(ownerId: string, checksum: string): Promise<Asset | undefined>;
  insertAsset(asset: NewAsset): Promise<void>;
  restore(id: string): Promise<void>;
  deleteAsset(id: string): Promise<void>;
  countByChecksum(checksum: string): Promise<number>;
  /** Records the asset's sidecar key; false when the owner has no such asset. */
  attachSidecar(ownerId: string, id: string, sidecarKey: string): Promise<boolean>;
  /** As AssetRepository.linkMotionPart, in this transaction. */
  linkMotionPart(stillId: string, videoId: string): Promise<void>;
  /**
   * Puts the asset back to processing, its error cleared, if its status is one of `from` (and,
   * with `ownerId`, only that owner's); false when it did not. See: [Note: Processing again].
   */
  reopen(id: string, scope: { ownerId?: string; from: readonly AssetStatus[] }): Promise<boolean>;
  enqueue(job: { name: string; queue: string; payload: JobPayload }): Promise<void>;
}
