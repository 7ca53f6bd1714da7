import { useState, type FormEvent } from 'react';
import { Icon } from '../app/icons';
import { useUser } from '../auth/session';
import { activityTime } from './album-text';
import { likersText } from './photo-activity';
import type { PhotoActivity } from './usePhotoActivity';
import './albums.css';

/** The viewer's like button for a photo of a shared album: pressed when I like it, with the count. */
export function LikeButton({ activity }: { activity: PhotoActivity }) {
  const { summary } = activity;
  const count = summary?.likeCount ?? 0;
  return (
    <button
      type="button"
      className="icon viewer-count"
      aria-pressed={summary?.likedByMe ?? false}
      aria-label={count > 0 ? `Like (${count})` : 'Like'}
      title={summary?.likedByMe ? 'You like this' : 'Like'}
      disabled={!summary || activity.busy}
      onClick={activity.toggleLike}
    >
      <Icon name={summary?.likedByMe ? 'thumbUp' : 'thumbUpOutline'} />
      {count > 0 && <span aria-hidden="true">{count}</span>}
    </button>
  );
}

/**
 * Beside the photo in the viewer, opened from a shared album: who likes it, its comments with
 * who and when, and a box to add one. Any member may, viewers too. See: [Note: Album access].
 */
export function PhotoActivityPanel({
  activity,
  onClose,
}: {
  activity: PhotoActivity;
  onClose(): void;
}) {
  const myId = useUser().id;
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string>();
  const { summary } = activity;
  const likers = summary && likersText(summary, myId);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = comment.trim();
    if (!text) return;
    setSaving(true);
    setFailure(undefined);
    try {
      await activity.addComment(text);
      setComment('');
    } catch (e) {
      setFailure(`The comment could not be saved: ${(e as Error).message}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <aside className="viewer-info viewer-activity" aria-labelledby="viewer-activity-title">
      <header>
        <h2 id="viewer-activity-title">Likes and comments</h2>
        <button type="button" className="icon" aria-label="Close comments" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      {(failure ?? activity.error) && (
        <p className="error" role="alert">
          {failure ?? activity.error}
        </p>
      )}
      {!summary && !activity.error && <p aria-busy="true">Loading…</p>}
      {likers && <p className="viewer-likers">{likers}</p>}
      <form className="viewer-comment-form" onSubmit={(e) => void submit(e)}>
        <textarea
          aria-label="Comment on this photo"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          maxLength={2000}
          rows={2}
          placeholder="Say something about this photo"
        />
        <button type="submit" disabled={!comment.trim() || saving}>
          Comment
        </button>
      </form>
      {summary?.comments.length === 0 && <p className="muted">No comments yet.</p>}
      <ol className="activity-list" aria-label="Comments">
        {summary?.comments.map((item) => (
          <li key={item.id}>
            <strong>{item.user.id === myId ? 'You' : item.user.name}</strong>{' '}
            <span className="activity-text">{item.text}</span>
            <time className="muted" dateTime={item.createdAt}>
              {activityTime(item.createdAt)}
            </time>
          </li>
        ))}
      </ol>
    </aside>
  );
}
