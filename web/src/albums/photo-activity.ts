import type { AlbumActivityItem } from './albums-api';

/** What the viewer shows of one photo's activity in an album: its likes and its comments. */
export interface PhotoActivitySummary {
  likeCount: number;
  likedByMe: boolean;
  /** Who liked it, in the order they did. */
  likers: { id: string; name: string }[];
  /** Newest first, as the server lists them. */
  comments: AlbumActivityItem[];
}

export function summarize(items: readonly AlbumActivityItem[], myId: string): PhotoActivitySummary {
  const likes = items.filter((i) => i.kind === 'like');
  return {
    likeCount: likes.length,
    likedByMe: likes.some((like) => like.user.id === myId),
    likers: likes.map((like) => like.user).reverse(),
    comments: items.filter((i) => i.kind === 'comment'),
  };
}

/** "Liked by Vera", "Liked by you and Ed", "Liked by Vera, Ed and 2 others". */
export function likersText(summary: PhotoActivitySummary, myId: string): string | undefined {
  if (summary.likeCount === 0) return undefined;
  // "you" first: it is what the person looking wants to confirm.
  const names = [
    ...summary.likers.filter((u) => u.id === myId).map(() => 'you'),
    ...summary.likers.filter((u) => u.id !== myId).map((u) => u.name),
  ];
  const shown = names.slice(0, 2);
  const rest = names.length - shown.length;
  if (rest > 0)
    return `Liked by ${shown.join(', ')} and ${rest === 1 ? '1 other' : `${rest} others`}`;
  return `Liked by ${shown.length === 2 ? `${shown[0]!} and ${shown[1]!}` : shown[0]!}`;
}
