import { useEffect, useState } from 'react';
import { matchRoute } from '../app/route-match';
import { onLinkClick, useLocation } from '../app/router';
import { PhotoGrid } from '../timeline/PhotoGrid';
import { TimelineSource } from '../timeline/timeline-source';
import { tagTimeline } from './tags-api';

/** The photos in which a thing was recognised, at /tags/{name} (reached from the viewer's info). */
export function TagPage() {
  const { pathname } = useLocation();
  const name = matchRoute('/tags/:name', pathname)?.name ?? '';
  // The page is keyed by path (App.tsx), so one tag's page never shows another's photos.
  const [source] = useState(() => new TimelineSource(tagTimeline(name)));
  useEffect(() => source.start(), [source]);
  return (
    <PhotoGrid
      source={source}
      mode="album"
      header={
        <header className="library-header">
          <div>
            <p className="album-back">
              <a href="/" onClick={onLinkClick}>
                Photos
              </a>
            </p>
            <h1>{name}</h1>
            <p className="muted">Photos in which this was recognised.</p>
          </div>
        </header>
      }
      empty={
        <section className="empty">
          <h2>Nothing tagged “{name}”</h2>
          <p className="muted">Things are recognised in photos after they are uploaded.</p>
        </section>
      }
    />
  );
}
