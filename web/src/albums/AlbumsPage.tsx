import { useCallback, useEffect, useState } from 'react';
import { useAssetsChanged } from '../app/events';
import { ListStates } from '../app/ListStates';
import { navigate } from '../app/router';
import { AlbumCard } from './AlbumCard';
import { AlbumFormDialog } from './AlbumFormDialog';
import { fetchAlbums, postAlbum, type Album } from './albums-api';
import './albums.css';

/** Albums: every album as a card, the most recently changed first, and "New album". */
export function AlbumsPage() {
  const [albums, setAlbums] = useState<Album[]>();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);

  const load = useCallback(() => {
    fetchAlbums().then(
      (list) => {
        setAlbums(list);
        setError(undefined);
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(load, [load]);
  useAssetsChanged(load);

  return (
    <div className="albums-page">
      <header className="library-header">
        <div>
          <h1>Albums</h1>
          <p className="muted">Sets of photos you put together; a photo can be in many.</p>
        </div>
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          New album
        </button>
      </header>
      <ListStates
        items={albums}
        error={error}
        onRetry={load}
        emptyTitle="No albums yet"
        emptyText="Select photos under Photos and choose Add to album, or make an empty one with New album."
      />
      {albums && albums.length > 0 && (
        <ul className="album-grid" aria-label="Albums">
          {albums.map((album) => (
            <AlbumCard key={album.id} album={album} />
          ))}
        </ul>
      )}
      {creating && (
        <AlbumFormDialog
          title="New album"
          saveLabel="Create"
          onSave={async ({ name, description }) => {
            const album = await postAlbum(name, description);
            navigate(`/albums/${album.id}`);
          }}
          onCancel={() => setCreating(false)}
        />
      )}
    </div>
  );
}
