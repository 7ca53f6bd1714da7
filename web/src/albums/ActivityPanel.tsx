import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { activityTime } from './album-text';
import { fetchAlbumActivity, postAlbumComment, type AlbumActivityItem } from './albums-api';
import { ErrorMessage } from '../app/ErrorMessage';

/** Comments and likes of a shared album, newest first, and a box to add a comment. */
export function ActivityPanel({ albumId }: { albumId: string }) {
  const [items, setItems] = useState<AlbumActivityItem[]>();
  const [next, setNext] = useState<string | null>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();

  const load = useCallback(
    (cursor?: string) =>
      fetchAlbumActivity(albumId, cursor).then(
        (page) => {
          setItems((shown) => (cursor ? [...(shown ?? []), ...page.items] : page.items));
          setNext(page.nextCursor);
        },
        (e: Error) => setError(e.message),
      ),
    [albumId],
  );
  useEffect(() => void load(), [load]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await postAlbumComment(albumId, comment.trim());
      setComment('');
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="activity-panel" aria-label="Activity">
      <h2>Activity</h2>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          <span className="visually-hidden">Comment</span>
          <textarea
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={2000}
            rows={2}
            placeholder="Say something about this album"
          />
        </label>
        <button type="submit" disabled={!comment.trim()}>
          Comment
        </button>
      </form>
      <ErrorMessage text={error} />
      {items?.length === 0 && <p className="muted">No comments or likes yet.</p>}
      <ol className="activity-list">
        {items?.map((item) => (
          <li key={item.id}>
            <strong>{item.user.name}</strong>{' '}
            {item.kind === 'like' ? (
              <span>{item.assetId ? 'liked a photo' : 'liked the album'}</span>
            ) : (
              <span className="activity-text">{item.text}</span>
            )}
            <time className="muted" dateTime={item.createdAt}>
              {activityTime(item.createdAt)}
            </time>
          </li>
        ))}
      </ol>
      {next && (
        <button type="button" onClick={() => void load(next)}>
          Older
        </button>
      )}
    </section>
  );
}
