import { useEffect, useState } from 'react';
import { thumbnailUrl } from '../api/client';
import type { Notice } from '../selection/SelectionBar';
import { addedNotice, itemCount } from './album-text';
import { fetchAlbums, postAlbum, putAlbumAssets, type Album } from './albums-api';
import './albums.css';
import { ModalDialog } from '../app/ModalDialog';
import { ErrorMessage } from '../app/ErrorMessage';

interface Props {
  ids: string[];
  onDone(notice: Notice): void;
  onCancel(): void;
}

/** Picks an album for the selection, or makes a new one with it. */
export function AddToAlbumDialog({ ids, onDone, onCancel }: Props) {
  const [albums, setAlbums] = useState<Album[]>();
  const [newName, setNewName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    // A viewer may not add: only albums of mine, or shared with me as editor.
    fetchAlbums().then(
      (all) => setAlbums(all.filter((a) => a.role !== 'viewer')),
      (e: Error) => setError(e.message),
    );
  }, []);

  const addTo = async (album: { id: string; name: string }) => {
    setBusy(true);
    try {
      onDone(addedNotice(album.name, await putAlbumAssets(album.id, ids)));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  const createAndAdd = async () => {
    setBusy(true);
    try {
      await addTo(await postAlbum(newName.trim()));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <ModalDialog titleId="add-to-album-title" className="add-to-album" onCancel={onCancel}>
      <h2 id="add-to-album-title">Add {itemCount(ids.length)} to an album</h2>
      <form
        className="new-album-row"
        onSubmit={(e) => {
          e.preventDefault();
          void createAndAdd();
        }}
      >
        <input
          aria-label="New album name"
          placeholder="New album name"
          value={newName}
          maxLength={200}
          onChange={(e) => setNewName(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy || !newName.trim()}>
          Create and add
        </button>
      </form>
      {albums === undefined && !error && <p className="muted">Loading albums…</p>}
      {albums && albums.length > 0 && (
        <ul className="album-choices" aria-label="Albums">
          {albums.map((album) => (
            <li key={album.id}>
              <button type="button" disabled={busy} onClick={() => void addTo(album)}>
                {album.cover?.thumbnailVersion ? (
                  <img src={thumbnailUrl(album.cover.id, album.cover.thumbnailVersion)} alt="" />
                ) : (
                  <span className="album-choice-empty" />
                )}
                <span className="album-choice-name">{album.name}</span>
                <span className="muted">{itemCount(album.assetCount)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage text={error} />
      <div className="confirm-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}
