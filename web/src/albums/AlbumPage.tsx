import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../api/client';
import { emitAssetsChanged, useAssetsChanged } from '../app/events';
import { LoadError, Loading } from '../app/ListStates';
import { navigate, onLinkClick, useLocation } from '../app/router';
import { matchRoute } from '../app/route-match';
import { ConfirmDialog } from '../selection/ConfirmDialog';
import type { PageAction } from '../selection/SelectionBar';
import { PhotoGrid } from '../timeline/PhotoGrid';
import { TimelineSource } from '../timeline/timeline-source';
import { ActivityPanel } from './ActivityPanel';
import { AlbumFormDialog } from './AlbumFormDialog';
import { ShareLinkDialog } from '../sharing/ShareLinkDialog';
import { ShareDialog } from './ShareDialog';
import { albumDates, itemCount } from './album-text';
import {
  albumTimeline,
  deleteAlbum,
  deleteAlbumAssets,
  fetchAlbum,
  fetchAlbumMembers,
  patchAlbum,
  type Album,
} from './albums-api';
import './albums.css';

/** One album at /albums/{id}: its photos as a timeline, and what can be done with it. */
export function AlbumPage() {
  const { pathname } = useLocation();
  const id = matchRoute('/albums/:id', pathname)?.id ?? '';
  // The page is keyed by path (App.tsx), so one album's page never shows another's.
  const [source] = useState(() => new TimelineSource(albumTimeline(id)));
  const [album, setAlbum] = useState<Album>();
  const [error, setError] = useState<{ message: string; missing: boolean }>();
  const [memberCount, setMemberCount] = useState(0);

  const load = useCallback(() => {
    fetchAlbum(id).then(setAlbum, (e: Error) =>
      setError({ message: e.message, missing: e instanceof ApiError && e.status === 404 }),
    );
  }, [id]);
  useEffect(() => {
    load();
    source.start();
  }, [load, source]);
  useAssetsChanged(load);

  const role = album?.role;
  // Likes and comments are for an album shared with someone: a member's, or mine with members.
  const countMembers = useCallback(() => {
    fetchAlbumMembers(id).then(
      (members) => setMemberCount(members.length),
      () => {}, // a private album, as far as the viewer knows
    );
  }, [id]);
  useEffect(() => {
    if (role === 'owner') countMembers();
  }, [role, countMembers]);
  const shared = role !== undefined && (role !== 'owner' || memberCount > 0);
  const sharedAlbum = useMemo(() => (shared ? { id } : undefined), [shared, id]);

  // What the selection offers follows the role. See: [Note: Album access] on the server.
  const pageActions = useMemo<PageAction[]>(
    () => [
      ...(role === 'owner' || role === 'editor' ? [removeAction(id, role)] : []),
      ...(role === 'owner' ? [coverAction(id)] : []),
    ],
    [id, role],
  );

  if (error?.missing)
    return (
      <div className="page-error" role="alert">
        <h2>There is no album here</h2>
        <p>
          <a href="/albums" onClick={onLinkClick}>
            Back to your albums
          </a>
        </p>
      </div>
    );

  return (
    <PhotoGrid
      source={source}
      mode="album"
      pageActions={pageActions}
      sharedAlbum={sharedAlbum}
      header={
        <AlbumHeader
          album={album}
          error={error?.message}
          onChange={setAlbum}
          onRetry={load}
          onSharingChanged={countMembers}
        />
      }
      empty={
        <section className="empty">
          <h2>This album is empty</h2>
          <p className="muted">Select photos under Photos and choose Add to album.</p>
        </section>
      }
    />
  );
}

function removeAction(id: string, role: 'owner' | 'editor'): PageAction {
  return {
    label: 'Remove from album',
    run: async (ids) => {
      const results = await deleteAlbumAssets(id, ids);
      const removed = results.filter((r) => r.result === 'removed').length;
      const refused = results.filter((r) => r.result === 'not-allowed').length;
      const message = `${itemCount(removed)} removed from the album.`;
      if (role === 'editor' && refused > 0)
        return { message: `${message} Only the photos you added can be removed.`, failed: true };
      return { message, failed: false };
    },
  };
}

function coverAction(id: string): PageAction {
  return {
    label: 'Set as cover',
    single: true,
    run: async ([assetId]) => {
      await patchAlbum(id, { coverAssetId: assetId! });
      return { message: 'The album has a new cover.', failed: false };
    },
  };
}

type Editing = 'details' | 'delete' | 'share' | 'share-link';

function AlbumHeader({
  album,
  error,
  onChange,
  onRetry,
  onSharingChanged,
}: {
  album?: Album;
  error?: string;
  onChange(album: Album): void;
  onRetry(): void;
  onSharingChanged(): void;
}) {
  const [editing, setEditing] = useState<Editing>();
  const [showActivity, setShowActivity] = useState(false);
  const [failure, setFailure] = useState<string>();
  if (!album)
    return (
      <header className="library-header">
        {error ? <LoadError error={error} onRetry={onRetry} /> : <Loading />}
      </header>
    );

  const dates = albumDates(album.startDate, album.endDate);
  const setOrder = (sortOrder: Album['sortOrder']) =>
    patchAlbum(album.id, { sortOrder }).then(
      (saved) => {
        onChange(saved);
        // The grid has the album's order from the server: fetch it again.
        emitAssetsChanged();
      },
      (e: Error) => setFailure(e.message),
    );

  return (
    <header className="library-header album-header">
      <div>
        <p className="album-back">
          <a href="/albums" onClick={onLinkClick}>
            Albums
          </a>
        </p>
        <h1>{album.name}</h1>
        {album.role !== 'owner' && (
          <p className="muted album-shared-by">
            Shared by {album.owner.name} · you are{' '}
            {album.role === 'editor' ? 'an editor' : 'a viewer'}
          </p>
        )}
        {album.description && <p className="album-description">{album.description}</p>}
        <p className="muted">
          {itemCount(album.assetCount)}
          {dates && ` · ${dates}`}
        </p>
      </div>
      <div className="album-actions">
        <button
          type="button"
          aria-expanded={showActivity}
          onClick={() => setShowActivity((s) => !s)}
        >
          Activity
        </button>
        {album.role === 'owner' && (
          <>
            <button type="button" onClick={() => setEditing('share')}>
              Share
            </button>
            <button type="button" onClick={() => setEditing('share-link')}>
              Share link
            </button>
            <label>
              <span className="visually-hidden">Order</span>
              <select
                value={album.sortOrder}
                onChange={(e) => void setOrder(e.target.value as Album['sortOrder'])}
              >
                <option value="newest-first">Newest first</option>
                <option value="oldest-first">Oldest first</option>
              </select>
            </label>
            <button type="button" onClick={() => setEditing('details')}>
              Edit
            </button>
            <button type="button" className="danger" onClick={() => setEditing('delete')}>
              Delete album
            </button>
          </>
        )}
        {failure && (
          <span className="error" role="alert">
            {failure}
          </span>
        )}
      </div>
      {showActivity && <ActivityPanel albumId={album.id} />}
      {editing === 'share' && (
        <ShareDialog
          album={album}
          onClose={() => {
            setEditing(undefined);
            onSharingChanged();
          }}
        />
      )}
      {editing === 'share-link' && (
        <ShareLinkDialog target={{ albumId: album.id }} onClose={() => setEditing(undefined)} />
      )}
      {editing === 'details' && (
        <AlbumFormDialog
          title="Edit album"
          saveLabel="Save"
          initial={{ name: album.name, description: album.description }}
          onSave={async (values) => {
            onChange(await patchAlbum(album.id, values));
            setEditing(undefined);
          }}
          onCancel={() => setEditing(undefined)}
        />
      )}
      {editing === 'delete' && (
        <ConfirmDialog
          title={`Delete “${album.name}”?`}
          confirmLabel="Delete album"
          danger
          onConfirm={() =>
            void deleteAlbum(album.id).then(
              () => navigate('/albums'),
              (e: Error) => {
                setEditing(undefined);
                setFailure(e.message);
              },
            )
          }
          onCancel={() => setEditing(undefined)}
        >
          <p>The album goes; its photos stay in your library and in any other album.</p>
        </ConfirmDialog>
      )}
    </header>
  );
}
