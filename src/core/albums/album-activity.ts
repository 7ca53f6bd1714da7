/** Something a member did in a shared album: a comment or a like, on a photo or the album. */
export interface AlbumActivity {
  id: string;
  albumId: string;
  user: { id: string; name: string };
  /** The photo it is about; null: the album as a whole. */
  assetId: string | null;
  kind: 'comment' | 'like';
  /** A comment's text; null for a like. */
  text: string | null;
  createdAt: string;
}

export type NewAlbumActivity = Omit<AlbumActivity, 'user'> & { userId: string };

/** Position in the newest-first activity list: the last item of the previous page. */
export interface ActivityCursor {
  createdAt: string;
  id: string;
}

export interface ActivityQuery {
  limit: number;
  after?: ActivityCursor;
  assetId?: string;
}

/** Comments and likes of albums. Unscoped: the albums service asks roleOf first. */
export interface AlbumActivityRepository {
  /** Newest first, from after `after`; with `assetId`, only what is about that photo. */
  list(albumId: string, page: ActivityQuery): Promise<AlbumActivity[]>;
  get(id: string): Promise<AlbumActivity | undefined>;
  /** Adds a comment, or a like unless that person already likes it (then nothing changes). */
  add(activity: NewAlbumActivity): Promise<void>;
  /** Takes back that person's like of the photo (or, with null, of the album). */
  removeLike(albumId: string, userId: string, assetId: string | null): Promise<void>;
}
