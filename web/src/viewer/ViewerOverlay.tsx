import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { api, ok, originalUrl, type Asset } from '../api/client';
import { emitAssetsChanged } from '../app/events';
import { LikeButton, PhotoActivityPanel } from '../albums/PhotoActivityPanel';
import { usePhotoActivity } from '../albums/usePhotoActivity';
import { fetchAsset, forgetAsset, isSettling, preloadAsset, saveAsset } from './asset-cache';
import { describeAsset } from './format-info';
import { Icon } from '../app/icons';
import { useUser } from '../auth/session';
import { InfoPanel } from './InfoPanel';
import { PhotoStage } from './PhotoStage';
import { useModal } from './use-modal';
import type { ViewerProps } from './Viewer';
import { VideoStage } from './VideoStage';
import './viewer.css';

type Neighbours = { of: string; previous: string | null; next: string | null };
type Notice = { text: string; undo?: () => void; isError?: boolean };

const INFO_KEY = 'keepsake.viewer.info';
const POLL_MS = 3000;

/**
 * The full-screen viewer: one asset at a time over the page (portalled into <body>, the page made
 * inert), with its actions, keyboard shortcuts, neighbours preloaded and the info panel.
 */
export default function ViewerOverlay({
  assetId,
  sequence,
  onChange,
  onClose,
  album,
}: ViewerProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const release = useModal(dialogRef);
  const user = useUser();
  const [asset, setAsset] = useState<Asset>();
  const [loadError, setLoadError] = useState<string>();
  const [neighbours, setNeighbours] = useState<Neighbours>();
  const [infoOpen, setInfoOpen] = useState(() => localStorage.getItem(INFO_KEY) === 'open');
  const [notice, setNotice] = useState<Notice>();
  const activity = usePhotoActivity(album?.id, assetId);
  const [activityOpen, setActivityOpen] = useState(false);
  // One side panel at a time: the comments, when asked for, cover the info.
  const side = activity && activityOpen ? 'activity' : infoOpen ? 'info' : undefined;
  const toggleInfo = useCallback(() => {
    if (side === 'activity') {
      setActivityOpen(false);
      setInfoOpen(true);
    } else setInfoOpen((open) => !open);
  }, [side]);
  const [announcement, setAnnouncement] = useState('');
  // The asset on screen may still be the previous one while the next loads: act only on a match.
  const current = asset?.id === assetId ? asset : undefined;
  // Someone else's photo (a shared album, a partner's): to look at and download, not to change.
  const mine = !current || current.ownerId === user.id;

  const close = useCallback(() => {
    release();
    onClose();
  }, [release, onClose]);

  useEffect(() => {
    let live = true;
    setLoadError(undefined);
    fetchAsset(assetId).then(
      (a) => live && setAsset(a),
      (e: Error) => live && setLoadError(e.message),
    );
    return () => {
      live = false;
    };
  }, [assetId]);

  // Still processing, or the video's playable copy is being made: look again until settled.
  useEffect(() => {
    if (!current || !isSettling(current)) return;
    const timer = window.setTimeout(() => {
      fetchAsset(current.id, { fresh: true }).then(setAsset, () => {});
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [current]);

  useEffect(() => {
    let live = true;
    Promise.all([sequence.neighbour(assetId, -1), sequence.neighbour(assetId, 1)]).then(
      ([previous, next]) => {
        if (!live) return;
        setNeighbours({ of: assetId, previous, next });
        if (next) preloadAsset(next);
        if (previous) preloadAsset(previous);
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [assetId, sequence]);

  // Announce a change of asset, not every refresh of the same one.
  const announced = useRef<string>(undefined);
  useEffect(() => {
    if (!current || announced.current === current.id) return;
    announced.current = current.id;
    setAnnouncement(describeAsset(current));
  }, [current]);

  useEffect(() => {
    localStorage.setItem(INFO_KEY, infoOpen ? 'open' : 'closed');
  }, [infoOpen]);

  const known = neighbours?.of === assetId ? neighbours : undefined;
  const step = useCallback(
    async (direction: 1 | -1) => {
      const target = known
        ? direction === 1
          ? known.next
          : known.previous
        : await sequence.neighbour(assetId, direction).catch(() => null);
      if (target) onChange(target);
      else setAnnouncement(direction === 1 ? 'This is the last one.' : 'This is the first one.');
    },
    [known, sequence, assetId, onChange],
  );

  const toggleFavorite = useCallback(async () => {
    if (!current) return;
    const isFavorite = !current.isFavorite;
    setAsset({ ...current, isFavorite });
    try {
      const updated = await ok(
        api.PATCH('/api/assets/{id}', {
          params: { path: { id: current.id } },
          body: { isFavorite },
        }),
      );
      saveAsset(updated);
      setAsset((a) => (a?.id === updated.id ? updated : a));
      setAnnouncement(isFavorite ? 'Added to favorites' : 'Removed from favorites');
      emitAssetsChanged();
    } catch (e) {
      setAsset((a) => (a?.id === current.id ? current : a));
      setNotice({ text: `Could not change the favorite: ${(e as Error).message}`, isError: true });
    }
  }, [current]);

  const moveToTrash = useCallback(async () => {
    if (!current) return;
    const id = current.id;
    // Asked before the trash: once the page reloads its list, this asset has no neighbours.
    const [next, previous] = known
      ? [known.next, known.previous]
      : await Promise.all([sequence.neighbour(id, 1), sequence.neighbour(id, -1)]);
    try {
      await ok(api.DELETE('/api/assets/{id}', { params: { path: { id } } }));
    } catch (e) {
      setNotice({ text: `Could not move to the trash: ${(e as Error).message}`, isError: true });
      return;
    }
    forgetAsset(id);
    emitAssetsChanged();
    const then = next ?? previous;
    if (!then) return close();
    setNotice({
      text: 'Moved to the trash',
      undo: () => {
        ok(api.POST('/api/assets/{id}/restore', { params: { path: { id } } })).then(
          () => {
            emitAssetsChanged();
            setNotice({ text: 'Restored' });
            onChange(id);
          },
          (e: Error) => setNotice({ text: `Could not restore: ${e.message}`, isError: true }),
        );
      },
    });
    onChange(then);
  }, [current, known, sequence, close, onChange]);

  useEffect(() => {
    if (!notice || notice.isError) return;
    const timer = window.setTimeout(() => setNotice(undefined), 6000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  // Captured at the window, so the page's own shortcuts (the grid's arrows) never see these.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select')) return;
      const onVideo = target instanceof HTMLVideoElement;
      const actions: Record<string, (() => void) | undefined> = {
        Escape: close,
        ArrowRight: onVideo ? undefined : () => void step(1),
        ArrowLeft: onVideo ? undefined : () => void step(-1),
        f: mine ? () => void toggleFavorite() : undefined,
        Delete: mine ? () => void moveToTrash() : undefined,
        // Macs have no Delete key; the trash has Undo, so a slip costs little.
        Backspace: mine ? () => void moveToTrash() : undefined,
        i: toggleInfo,
      };
      const action = actions[event.key];
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [close, step, toggleFavorite, moveToTrash, mine, toggleInfo]);

  const onSwipe = useCallback(
    (swipe: 'next' | 'previous' | 'close') =>
      swipe === 'close' ? close() : void step(swipe === 'next' ? 1 : -1),
    [close, step],
  );

  const shown = asset; // the previous one stays until the next has loaded
  return createPortal(
    <div
      ref={dialogRef}
      className={`viewer${side ? ' with-info' : ''}`}
      role="dialog"
      aria-modal="true"
      aria-label="Photo viewer"
      tabIndex={-1}
    >
      <div className="viewer-main">
        {loadError && !current ? (
          <div className="viewer-stage">
            <div className="viewer-message" role="alert">
              <p>{loadError}</p>
              <button type="button" onClick={close}>
                Close
              </button>
            </div>
          </div>
        ) : !shown ? (
          <div className="viewer-stage" aria-busy="true" />
        ) : shown.type === 'video' ? (
          <VideoStage key={shown.id} asset={shown} onSwipe={onSwipe} />
        ) : shown.status === 'failed' ? (
          <FailedStage asset={shown} />
        ) : (
          <PhotoStage key={shown.id} asset={shown} onSwipe={onSwipe} />
        )}
        {shown?.status === 'processing' && (
          <p className="viewer-badge centered" role="status">
            Still processing…
          </p>
        )}

        <div className="viewer-top">
          <button
            type="button"
            className="icon"
            aria-label="Close"
            title="Close (Esc)"
            onClick={close}
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
                onClick={() => void toggleFavorite()}
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
                  onClick={() => setActivityOpen((open) => !open)}
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
                onClick={() => void moveToTrash()}
              >
                <Icon name="trash" />
              </button>
            )}
            <button
              type="button"
              className="icon"
              aria-pressed={side === 'info'}
              aria-label="Info"
              title="Info (I)"
              onClick={toggleInfo}
            >
              <Icon name="info" />
            </button>
          </div>
        </div>

        <button
          type="button"
          className="viewer-nav previous"
          aria-label="Previous"
          title="Previous (←)"
          disabled={known?.previous === null}
          onClick={() => void step(-1)}
        >
          <Icon name="previous" />
        </button>
        <button
          type="button"
          className="viewer-nav next"
          aria-label="Next"
          title="Next (→)"
          disabled={known?.next === null}
          onClick={() => void step(1)}
        >
          <Icon name="next" />
        </button>

        {notice && (
          <div
            className={`viewer-notice${notice.isError ? ' error' : ''}`}
            role={notice.isError ? 'alert' : 'status'}
          >
            <span>{notice.text}</span>
            {notice.undo && (
              <button type="button" onClick={notice.undo}>
                Undo
              </button>
            )}
            <button
              type="button"
              className="icon"
              aria-label="Dismiss"
              onClick={() => setNotice(undefined)}
            >
              <Icon name="close" />
            </button>
          </div>
        )}
      </div>

      {side === 'activity' && activity && (
        <PhotoActivityPanel activity={activity} onClose={() => setActivityOpen(false)} />
      )}
      {side === 'info' && current && (
        <InfoPanel
          asset={current}
          onClose={() => setInfoOpen(false)}
          onChanged={(changed) => {
            saveAsset(changed);
            setAsset((a) => (a?.id === changed.id ? changed : a));
            emitAssetsChanged();
          }}
        />
      )}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>,
    document.body,
  );
}

function FailedStage({ asset }: { asset: Asset }) {
  return (
    <div className="viewer-stage">
      <div className="viewer-message" role="alert">
        <p>This file could not be processed: {asset.error ?? 'the reason is unknown'}.</p>
        <a className="button" href={originalUrl(asset.id)} download={asset.originalFileName}>
          Download original
        </a>
      </div>
    </div>
  );
}
