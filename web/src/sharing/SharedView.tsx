import { useState } from 'react';
import { GuestUpload } from './GuestUpload';
import { GuestViewer } from './GuestViewer';
import { SharedGrid } from './SharedGrid';
import type { GuestView } from './shared-links-api';

/** What the link shares: its title, the grid, guest upload where allowed, and the viewer. */
export function SharedView({
  linkKey,
  view,
  onChanged,
}: {
  linkKey: string;
  view: GuestView;
  onChanged(): void;
}) {
  const [open, setOpen] = useState<number>();
  const { link, token, assets } = view;
  return (
    <main className="public-page">
      <header className="public-header">
        <h1>{link.albumName ?? 'Shared photos'}</h1>
        <p className="muted">
          {assets.length === 1 ? '1 item' : `${assets.length} items`}
          {link.expiresAt && ` · until ${new Date(link.expiresAt).toLocaleDateString()}`}
        </p>
        {link.allowUpload && <GuestUpload linkKey={linkKey} token={token} onDone={onChanged} />}
      </header>
      {assets.length === 0 ? (
        <p className="muted">Nothing is shared here yet.</p>
      ) : (
        <SharedGrid linkKey={linkKey} token={token} assets={assets} onOpen={setOpen} />
      )}
      {open !== undefined && assets[open] && (
        <GuestViewer
          linkKey={linkKey}
          token={token}
          assets={assets}
          index={open}
          allowDownload={link.allowDownload}
          onMove={setOpen}
          onClose={() => setOpen(undefined)}
        />
      )}
    </main>
  );
}
