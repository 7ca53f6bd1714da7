import { useState } from 'react';
import { AddToAlbumDialog } from '../albums/AddToAlbumDialog';
import { emitAssetsChanged } from '../app/events';
import { ShareLinkDialog } from '../sharing/ShareLinkDialog';
import { BulkEditDialog } from './BulkEditDialog';
import { ConfirmDialog } from './ConfirmDialog';
import { isMixed, othersNote, ownershipOf, ownLabel } from './ownership';
import {
  applyToAll,
  downloadOriginals,
  MANY_DOWNLOADS,
  type BulkAction,
} from './selection-actions';
import type { Selection } from './useSelection';
import { useUserNames } from './useUserNames';
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
  | { kind: 'deleteForGood' }
  | { kind: 'download' }
  | { kind: 'addToAlbum' }
  | { kind: 'shareLink' }
  | { kind: 'edit' };

/**
 * The bar over the grid while something is selected: the count, clear, and what to do. The
 * owner's actions apply to my own photos only. See: [Note: Someone else's photos in a selection].
 */
export function SelectionBar({ selection, mode, onNotice, pageActions = [] }: Props) {
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Asking>();
  const items = [...selection.state.items.values()];
  const ids = items.map((i) => i.id);
  const ownership = ownershipOf(items);
  const ownIds = ownership.own.map((i) => i.id);
  const allFavorite = ownership.own.every((i) => i.isFavorite);
  const note = othersNote(ownership, useUserNames(ownership.others.length > 0));
  const label = (text: string) => ownLabel(text, ownership);
  // A shortened action says why, through the note beside the count.
  const describedBy = isMixed(ownership) ? 'selection-note' : undefined;
  // An action on my own photos only: in a mixed selection its label counts them and the note says why.
  const ownAction = (text: string, onClick: () => void) => (
    <button type="button" disabled={busy} aria-describedby={describedBy} onClick={onClick}>
      {label(text)}
    </button>
  );

  const run = async (action: BulkAction) => {
    setAsking(undefined);
    setBusy(true);
    // The trash page lists only my own; elsewhere someone else's stay as they are.
    const result = await applyToAll(action, mode === 'trash' ? ids : ownIds);
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
      {note && (
        <span id="selection-note" className="selection-note muted">
          {note}
        </span>
      )}
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
            {ownIds.length > 0 && (
              <>
                {ownAction('Add to album', () => setAsking({ kind: 'addToAlbum' }))}
                {ownAction('Share link', () => setAsking({ kind: 'shareLink' }))}
                {ownAction('Edit', () => setAsking({ kind: 'edit' }))}
                {ownAction(
                  allFavorite ? '♡ Unfavorite' : '♥ Favorite',
                  () => void run(allFavorite ? 'unfavorite' : 'favorite'),
                )}
                {ownAction(
                  mode === 'archive' ? 'Unarchive' : 'Archive',
                  () => void run(mode === 'archive' ? 'unarchive' : 'archive'),
                )}
              </>
            )}
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                ids.length > MANY_DOWNLOADS ? setAsking({ kind: 'download' }) : download()
              }
            >
              Download
            </button>
            {ownIds.length > 0 && ownAction('Move to trash', () => void run('trash'))}
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
          ids={ownIds}
          onDone={(notice) => {
            setAsking(undefined);
            selection.clear();
            onNotice(notice);
          }}
          onCancel={() => setAsking(undefined)}
        />
      )}
      {asking?.kind === 'shareLink' && (
        <ShareLinkDialog target={{ assetIds: ownIds }} onClose={() => setAsking(undefined)} />
      )}
      {asking?.kind === 'edit' && (
        <BulkEditDialog
          ids={ownIds}
          note={isMixed(ownership) ? note : undefined}
          onDone={(notice) => {
            setAsking(undefined);
            selection.clear();
            onNotice(notice);
            // The timeline reloads: a new date moves photos to their new months.
            emitAssetsChanged();
          }}
          onCancel={() => setAsking(undefined)}
        />
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
