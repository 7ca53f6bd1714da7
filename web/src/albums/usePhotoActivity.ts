import { useCallback, useEffect, useState } from 'react';
import { useUser } from '../auth/session';
import {
  deleteAlbumLike,
  fetchAlbumActivity,
  postAlbumComment,
  putAlbumLike,
  type AlbumActivityItem,
} from './albums-api';
import { summarize, type PhotoActivitySummary } from './photo-activity';

export interface PhotoActivity {
  /** Undefined until loaded. */
  summary?: PhotoActivitySummary;
  error?: string;
  busy: boolean;
  toggleLike(): void;
  /** Resolves once the comment is saved and the list shows it; rejects with the reason. */
  addComment(text: string): Promise<void>;
}

/** Every page of one photo's activity: a photo's comments and likes are few. */
async function fetchAll(albumId: string, assetId: string): Promise<AlbumActivityItem[]> {
  const items: AlbumActivityItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchAlbumActivity(albumId, cursor, assetId);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/**
 * The likes and comments of the photo in the viewer, in the album it was opened from; nothing
 * (and no request) without an album.
 */
export function usePhotoActivity(
  albumId: string | undefined,
  assetId: string,
): PhotoActivity | undefined {
  const myId = useUser().id;
  const [loaded, setLoaded] = useState<{ assetId: string; items: AlbumActivityItem[] }>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    () =>
      fetchAll(albumId!, assetId).then(
        (items) => {
          setLoaded({ assetId, items });
          setError(undefined);
        },
        (e: Error) => setError(e.message),
      ),
    [albumId, assetId],
  );
  useEffect(() => {
    if (!albumId) return;
    let live = true;
    setError(undefined);
    fetchAll(albumId, assetId).then(
      (items) => live && setLoaded({ assetId, items }),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [albumId, assetId]);

  // The previous photo's activity is never shown as this one's.
  const summary = loaded?.assetId === assetId ? summarize(loaded.items, myId) : undefined;

  const toggleLike = useCallback(() => {
    if (!albumId || !summary || busy) return;
    setBusy(true);
    const change = summary.likedByMe ? deleteAlbumLike : putAlbumLike;
    change(albumId, assetId)
      .then(load, (e: Error) => setError(`The like could not be saved: ${e.message}`))
      .finally(() => setBusy(false));
  }, [summary, busy, albumId, assetId, load]);

  const addComment = useCallback(
    async (text: string) => {
      await postAlbumComment(albumId!, text, assetId);
      await load();
    },
    [albumId, assetId, load],
  );

  return albumId ? { summary, error, busy, toggleLike, addComment } : undefined;
}
