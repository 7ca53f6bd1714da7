import { originalUrl, type Asset } from '../api/client';
import { LikeButton } from '../albums/PhotoActivityPanel';
import type { PhotoActivity } from '../albums/usePhotoActivity';
import { Icon } from '../app/icons';

interface ViewerToolbarProps {
  assetId: string;
  /** The asset on screen once it matches `assetId`; until then the actions wait. */
  current: Asset | undefined;
  /** Someone else's asset: no favorite, no trash. */
  mine: boolean;
  /** Set in a shared album: its likes and comments. */
  activity: PhotoActivity | undefined;
  activityOpen: boolean;
  infoOpen: boolean;
  onClose(): void;
  onToggleFavorite(): void;
  onToggleActivity(): void;
  onMoveToTrash(): void;
  onToggleInfo(): void;
}

/** The viewer's top bar: Close, and the actions on the asset shown. */
export function ViewerToolbar({
  assetId,
  current,
  mine,
  activity,
  activityOpen,
  infoOpen,
  onClose,
  onToggleFavorite,
  onToggleActivity,
  onMoveToTrash,
  onToggleInfo,
}: ViewerToolbarProps) {
  return (
    <div className="viewer-top">
      <button
        type="button"
        className="icon"
        aria-label="Close"
        title="Close (Esc)"
        onClick={onClose}
      >
        <Icon name="close" />
      </button>
      <div className="viewer-actions">
        {mine && (
          <button
            type="button"
            className="icon"
            aria-pressed={current?.isFavorite ?? false}
            aria-label="Favorite"
            title="Favorite (F)"
            disabled={!current}
            onClick={onToggleFavorite}
          >
            <Icon name={current?.isFavorite ? 'heart' : 'heartOutline'} />
          </button>
        )}
        <a
          className="icon button"
          href={originalUrl(assetId)}
          download={current?.originalFileName ?? ''}
          aria-label="Download original"
          title="Download original"
        >
          <Icon name="download" />
        </a>
        {activity && (
          <>
            <LikeButton activity={activity} />
            <button
              type="button"
              className="icon viewer-count"
              aria-pressed={activityOpen}
              aria-label="Comments"
              title="Likes and comments"
              onClick={onToggleActivity}
            >
              <Icon name="comment" />
              {!!activity.summary?.comments.length && (
                <span aria-hidden="true">{activity.summary.comments.length}</span>
              )}
            </button>
          </>
        )}
        {mine && (
          <button
            type="button"
            className="icon"
            aria-label="Move to trash"
            title="Move to trash (Delete)"
            disabled={!current}
            onClick={onMoveToTrash}
          >
            <Icon name="trash" />
          </button>
        )}
        <button
          type="button"
          className="icon"
          aria-pressed={infoOpen}
          aria-label="Info"
          title="Info (I)"
          onClick={onToggleInfo}
        >
          <Icon name="info" />
        </button>
      </div>
    </div>
  );
}
