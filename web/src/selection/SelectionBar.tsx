import { useState } from 'react';
import { AddToAlbumDialog } from '../albums/AddToAlbumDialog';
import { emitAssetsChanged } from '../app/events';
import { ShareLinkDialog } from '../sharing/ShareLinkDialog';
import { ConfirmDialog } from './ConfirmDialog';
import {
  applyToAll,
  downloadOriginals,
  MANY_DOWNLOADS,
  type BulkAction,
} from './selection-actions';
import type { Selection } from './useSelection';
import './selection.css';

/** Which page the selection is on: it decides the actions offered. */
export type GridMode = 'timeline' | 'favorites' | 'archive' | 'trash' | 'album';

export interface Notice {
  message: string;
  failed: boolean;
}

/** An action a page adds for its own selection (an album's "Remove from album"). */
export interface PageAction {
  label: string;
  /** Offered only while exactly one item is selected ("Set as cover"). */
  single?: boolean;
  run(ids: string[]): Promise<Notice>;
}

interface Props {
  selection: Selection;
  mode: GridMode;
  onNotice(notice: Notice): void;
  pageActions?: readonly PageAction[];
}

type Asking =
  { kind: 'deleteForGood' } | { kind: 'download' } | { kind: 'addToAlbum' } | { kind: 'shareLink' };

/** The bar over the grid while something is selected: the count, clear, and what to do. */
export function SelectionBar({ selection, mode, onNotice, pageActions = [] }: Props) {
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Asking>();
  const items = [...selection.state.items.values()];
  const ids = items.map((i) => i.id);
  const allFavorite = items.every((i) => i.isFavorite);

  const run = async (action: BulkAction) => {
    setAsking(undefined);
    setBusy(true);
    const result = await applyToAll(action, ids);
    setBusy(false);
    selection.clear();
    onNotice(result);
    emitAssetsChanged();
  };
  const runPageAction = async (action: PageAction) => {
    setBusy(true);
    const notice = await action.run(ids);
    setBusy(false);
    selection.clear();
    onNotice(notice);
    emitAssetsChanged();
  };
  const download = () => {
    setAsking(undefined);
    void downloadOriginals(ids);
  };

  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected items">
      <button
        type="button"
        className="icon-button"
        onClick={selection.clear}
        aria-label="Clear selection"
      >
        ✕
      </button>
      <span className="selection-count" aria-live="polite">
        {selection.count} selected
      </span>
      <span className="selection-actions">
        {mode === 'trash' ? (
          <>
            <button type="button" disabled={busy} onClick={() => void run('restore')}>
              Restore
            </button>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => setAsking({ kind: 'deleteForGood' })}
            >
              Delete for good
            </button>
          </>
        ) : (
          <>
            {pageActions
              .filter((action) => !action.single || ids.length === 1)
              .map((action) => (
                <button
                  key={action.label}
                  type="button"
                  disabled={busy}
                  onClick={() => void runPageAction(action)}
                >
                  {action.label}
                </button>
              ))}
            <button type="button" disabled={busy} onClick={() => setAsking({ kind: 'addToAlbum' })}>
              Add to album
            </button>
            <button type="button" disabled={busy} onClick={() => setAsking({ kind: 'shareLink' })}>
              Share link
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(allFavorite ? 'unfavorite' : 'favorite')}
            >
              {allFavorite ? '♡ Unfavorite' : '♥ Favorite'}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(mode === 'archive' ? 'unarchive' : 'archive')}
            >
              {mode === 'archive' ? 'Unarchive' : 'Archive'}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                ids.length > MANY_DOWNLOADS ? setAsking({ kind: 'download' }) : download()
              }
            >
              Download
            </button>
            <button type="button" disabled={busy} onClick={() => void run('trash')}>
              Move to trash
            </button>
          </>
        )}
      </span>
      {busy && (
        <span className="muted" role="status">
          Working…
        </span>
      )}
      {asking?.kind === 'deleteForGood' && (
        <ConfirmDialog
          title={`Delete ${ids.length === 1 ? 'this item' : `${ids.length} items`} for good?`}
          confirmLabel="Delete for good"
          danger
          onConfirm={() => void run('deleteForGood')}
          onCancel={() => setAsking(undefined)}
        >
          <p>They are removed from Keepsake with their original files. This cannot be undone.</p>
        </ConfirmDialog>
      )}
      {asking?.kind === 'addToAlbum' && (
        <AddToAlbumDialog
          ids={ids}
          onDone={(notice) => {
            setAsking(undefined);
            selection.clear();
            onNotice(notice);
          }}
          onCancel={() => setAsking(undefined)}
        />
      )}
      {asking?.kind === 'shareLink' && (
        <ShareLinkDialog target={{ assetIds: ids }} onClose={() => setAsking(undefined)} />
      )}
      {asking?.kind === 'download' && (
        <ConfirmDialog
          title={`Download ${ids.length} files?`}
          confirmLabel="Download all"
          onConfirm={download}
          onCancel={() => setAsking(undefined)}
        >
          <p>
            Each original downloads as its own file. Your browser may ask you to allow several
            downloads from this site.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
