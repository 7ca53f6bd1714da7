export type AlbumSortOrder = 'newest-first' | 'oldest-first';

/**
 * What a person is to an album: its owner, or a member it is shared with as 'editor' (adds their
 * own photos) or 'viewer' (only looks). See: [Note: Album access].
 */
export type AlbumRole = 'owner' | SharedRole;
export type SharedRole = 'viewer' | 'editor';

/** An album as its list and its page show it: counts and dates are of the photos shown. */
export interface Album {
  id: string;
  ownerId: string;
  ownerName: string;
  name: string;
  description: string;
  /** The chosen cover, as stored; `cover` is what is shown. */
  coverAssetId: string | null;
  sortOrder: AlbumSortOrder;
  createdAt: string;
  updatedAt: string;
  assetCount: number;
  /** The chosen cover while it is shown in the album, else the newest photo; null when empty. */
  cover: { id: string; thumbnailVersion: string | null } | null;
  /** Local capture times (wall clock where taken) of the oldest and newest photo. */
  startLocal: string | null;
  endLocal: string | null;
}

/** An album with what the asking person is to it. */
export type AlbumView = Album & { role: AlbumRole };

/** Someone an album is shared with. */
export interface AlbumMember {
  userId: string;
  name: string;
  role: SharedRole;
  addedAt: string;
}

export interface NewAlbum {
  id: string;
  ownerId: string;
  name: string;
  description: string;
  createdAt: string;
}

export interface AlbumChanges {
  name?: string;
  description?: string;
  coverAssetId?: string | null;
  sortOrder?: AlbumSortOrder;
}

export type AddResult = 'added' | 'already-there' | 'not-allowed';
export type RemoveResult = 'removed' | 'not-there' | 'not-allowed';
