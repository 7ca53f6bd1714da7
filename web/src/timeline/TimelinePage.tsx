import { useEffect, useState } from 'react';
import { MemoryCards } from '../memories/MemoryCards';
import { PhotoGrid } from './PhotoGrid';
import { TimelineSource } from './timeline-source';

/** Photos: every photo and video, newest first, by month and day. */
export function TimelinePage() {
  const [source] = useState(() => new TimelineSource());
  useEffect(() => source.start(), [source]);
  return (
    <PhotoGrid
      source={source}
      mode="timeline"
      scrubber
      header={
        <>
          <h1 className="visually-hidden">Photos</h1>
          <MemoryCards />
        </>
      }
      empty={
        <section className="empty">
          <h2>No photos yet</h2>
          <p className="muted">Drop photos and videos anywhere on this page, or use Upload.</p>
        </section>
      }
    />
  );
}
