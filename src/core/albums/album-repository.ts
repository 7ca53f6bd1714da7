import type { TimelineBucket, TimelineCursor, TimelineItem } from '../timeline/timeline.js';
import type {
  Album,
  AlbumChanges,
  AlbumMember,
  AlbumRole,
  AlbumSortOrder,
  AlbumView,
  NewAlbum,
  SharedRole,
} from './album.js';

/**
 * Albums and their members. An album's photos are those of its members that are not trashed and
 * not hidden (a Live Photo's motion part); a trashed member stays a member, so restoring it
 * brings it back.
 */
export interface AlbumRepository {
  /**
   * The caller's role in the album, or nothing when they may not see it (or it does not exist).
   * Every album route asks this first. See: [Note: Album access].
   */
  roleOf(userId: string, albumId: string): Promise<AlbumRole | undefined>;
  /** Unscoped: call after roleOf. */
  get(albumId: string): Promise<Album | undefined>;
  /** The albums the user owns or that are shared with them, most recently changed first. */
  listFor(userId: string): Promise<AlbumView[]>;
  /** Whom the album is shared with, in the order they were added. */
  members(albumId: string): Promise<AlbumMember[]>;
  /** Shares the album with exactly these users (others lose it). */
  setMembers(
    albumId: string,
    members: readonly { userId: string; role: SharedRole }[],
    at: string,
  ): Promise<void>;
  removeMember(albumId: string, userId: string): Promise<void>;
  /** Of these ids, those of existing users. */
  knownUserIds(ids: readonly string[]): Promise<Set<string>>;
  /**
   * Whether the asset is shown in an album the user owns or is a member of (or is the motion
   * part of a Live Photo shown there). See: [Note: Reading someone else's asset].
   */
  showsToMember(userId: string, assetId: string): Promise<boolean>;
  create(album: NewAlbum): Promise<void>;
  update(albumId: string, changes: AlbumChanges, updatedAt: string): Promise<void>;
  delete(albumId: string): Promise<void>;
  /** Of these ids, the user's own assets that may join an album (neither trashed nor hidden). */
  addableAssetIds(userId: string, ids: readonly string[]): Promise<Set<string>>;
  /** Adds what is not there yet; answers the ids it added. */
  addAssets(
    albumId: string,
    ids: readonly string[],
    addedBy: string,
    addedAt: string,
  ): Promise<Set<string>>;
  /**
   * Removes those that are there (with `onlyAddedBy`, only those that person added); answers the
   * ids it removed. A removed cover is unset.
   */
  removeAssets(
    albumId: string,
    ids: readonly string[],
    updatedAt: string,
    onlyAddedBy?: string,
  ): Promise<Set<string>>;
  /** Of these ids, the album's members (shown or not). */
  memberAssetIds(albumId: string, ids: readonly string[]): Promise<Set<string>>;
  /** Whether the asset is one of the album's shown photos. */
  shows(albumId: string, assetId: string): Promise<boolean>;
  /** Months with photos in the album, in the album's order. */
  buckets(albumId: string, order: AlbumSortOrder): Promise<TimelineBucket[]>;
  /**
   * One month of the album's photos, in the album's order, from after `cursor`. Items not owned
   * by `viewerId` carry `ownerId`, as in the timeline.
   */
  bucketPage(
    albumId: string,
    order: AlbumSortOrder,
    bucket: string,
    limit: number,
    after: TimelineCursor | undefined,
    viewerId: string,
  ): Promise<TimelineItem[]>;
}
