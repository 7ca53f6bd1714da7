import { thumbnailUrl } from '../api/client';
import { onLinkClick } from '../app/router';
import { albumDates, itemCount } from './album-text';
import type { Album } from './albums-api';

/** One album on the albums page: its cover, name, count and dates; opens the album. */
export function AlbumCard({ album }: { album: Album }) {
  const dates = albumDates(album.startDate, album.endDate);
  return (
    <li className="album-card">
      <a href={`/albums/${album.id}`} onClick={onLinkClick}>
        <span className="album-cover">
          {album.cover?.thumbnailVersion && (
            <img
              src={thumbnailUrl(album.cover.id, album.cover.thumbnailVersion)}
              alt=""
              loading="lazy"
            />
          )}
        </span>
        <span className="album-name">{album.name}</span>
        {album.role !== 'owner' && (
          <span className="album-shared-by muted">Shared by {album.owner.name}</span>
        )}
        <span className="album-meta muted">
          {itemCount(album.assetCount)}
          {dates && ` · ${dates}`}
        </span>
      </a>
    </li>
  );
}
