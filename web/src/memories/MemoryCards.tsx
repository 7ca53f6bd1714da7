import { useCallback, useEffect, useState } from 'react';
import { thumbnailUrl } from '../api/client';
import { useAssetsChanged } from '../app/events';
import { fetchMemories, type Memory } from './memories-api';
import { StoryView } from './StoryView';
import { yearsAgoLabel } from './story-timing';
import './memories.css';

/** "On this day" cards above the timeline; each opens its year as a story. Nothing when none. */
export function MemoryCards() {
  const [memories, setMemories] = useState<Memory[]>([]);
  const [open, setOpen] = useState<Memory | null>(null);
  const load = useCallback(() => {
    // Memories are a bonus on top of the timeline: a failure just shows none.
    fetchMemories().then(setMemories, () => setMemories([]));
  }, []);
  useEffect(load, [load]);
  useAssetsChanged(load);
  if (memories.length === 0) return null;
  return (
    <section className="memory-cards" aria-label="On this day">
      <ul>
        {memories.map((memory) => {
          const cover = memory.assets[0];
          return (
            <li key={memory.year}>
              <button type="button" className="memory-card" onClick={() => setOpen(memory)}>
                {cover?.thumbnailVersion && (
                  <img src={thumbnailUrl(cover.id, cover.thumbnailVersion)} alt="" loading="lazy" />
                )}
                <span className="memory-card-label">{yearsAgoLabel(memory.yearsAgo)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {open && <StoryView memory={open} onClose={() => setOpen(null)} />}
    </section>
  );
}
