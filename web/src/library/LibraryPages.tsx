import { useEffect, useState, type ReactNode } from 'react';
import { api, ok } from '../api/client';
import { emitAssetsChanged } from '../app/events';
import { ConfirmDialog } from '../selection/ConfirmDialog';
import type { GridMode } from '../selection/SelectionBar';
import { PhotoGrid } from '../timeline/PhotoGrid';
import { LibrarySource, type LibraryFilter } from './library-source';
import './library.css';

interface PageProps {
  filter: LibraryFilter;
  mode: GridMode;
  title: string;
  intro: ReactNode;
  actions?: ReactNode;
  emptyTitle: string;
  emptyText: string;
}

function LibraryPage({ filter, mode, title, intro, actions, emptyTitle, emptyText }: PageProps) {
  const [source] = useState(() => new LibrarySource(filter));
  useEffect(() => source.start(), [source]);
  return (
    <PhotoGrid
      source={source}
      mode={mode}
      header={
        <header className="library-header">
          <div>
            <h1>{title}</h1>
            <p className="muted">{intro}</p>
          </div>
          {actions}
        </header>
      }
      empty={
        <section className="empty">
          <h2>{emptyTitle}</h2>
          <p className="muted">{emptyText}</p>
        </section>
      }
    />
  );
}

export function FavoritesPage() {
  return (
    <LibraryPage
      filter="isFavorite"
      mode="favorites"
      title="Favorites"
      intro="Your best photos and videos, in one place."
      emptyTitle="No favorites yet"
      emptyText="Select photos and choose Favorite, or tap the heart in the viewer, to keep your best ones here."
    />
  );
}

export function ArchivePage() {
  return (
    <LibraryPage
      filter="isArchived"
      mode="archive"
      title="Archive"
      intro="Photos you keep but do not want in your timeline (screenshots, receipts, documents)."
      emptyTitle="Nothing archived"
      emptyText="Select photos in your timeline and choose Archive to tidy them away without deleting them."
    />
  );
}

export function TrashPage() {
  return (
    <LibraryPage
      filter="isTrashed"
      mode="trash"
      title="Trash"
      intro="Items in the trash are deleted for good after 30 days (or the number of days your server is set to keep them). Until then you can restore them."
      actions={<EmptyTrashButton />}
      emptyTitle="The trash is empty"
      emptyText="What you move to the trash waits here for a while, so you can change your mind."
    />
  );
}

function EmptyTrashButton() {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; failed: boolean }>();

  const emptyTrash = async () => {
    setAsking(false);
    setBusy(true);
    try {
      const { deleted } = await ok(api.DELETE('/api/trash'));
      setMessage({
        text: `${deleted} ${deleted === 1 ? 'item' : 'items'} deleted for good.`,
        failed: false,
      });
      emitAssetsChanged();
    } catch (e) {
      setMessage({ text: `The trash could not be emptied: ${(e as Error).message}`, failed: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="library-actions">
      <button type="button" className="danger" disabled={busy} onClick={() => setAsking(true)}>
        {busy ? 'Emptying…' : 'Empty trash'}
      </button>
      {message && (
        <span
          className={message.failed ? 'error' : 'muted'}
          role={message.failed ? 'alert' : 'status'}
        >
          {message.text}
        </span>
      )}
      {asking && (
        <ConfirmDialog
          title="Empty the trash?"
          confirmLabel="Empty trash"
          danger
          onConfirm={() => void emptyTrash()}
          onCancel={() => setAsking(false)}
        >
          <p>
            Everything in the trash is deleted for good, with its original files. This cannot be
            undone.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
