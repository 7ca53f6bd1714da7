import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { createPortal } from 'react-dom';
import { thumbnailUrl } from '../api/client';
import { Icon } from '../app/icons';
import { formatDay } from '../viewer/format-info';
import { useModal } from '../viewer/use-modal';
import type { Memory } from './memories-api';
import {
  advance,
  progressOf,
  step,
  STORY_START,
  tapDirection,
  yearsAgoLabel,
  type StoryPosition,
} from './story-timing';

/** A year's memory full screen: photos advance by themselves; tap to step, hold to pause. */
export function StoryView({ memory, onClose }: { memory: Memory; onClose(): void }) {
  const dialog = useRef<HTMLDivElement>(null);
  const release = useModal(dialog);
  const [at, setAt] = useState<StoryPosition>(STORY_START);
  const [held, setHeld] = useState(false);
  const count = memory.assets.length;
  const close = () => {
    release();
    onClose();
  };
  const closeRef = useRef(close);
  closeRef.current = close;

  // Read by the animation loop, which runs once for the whole story.
  const atRef = useRef(at);
  atRef.current = at;
  const heldRef = useRef(held);
  heldRef.current = held;

  useEffect(() => {
    let last = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const next = advance(atRef.current, now - last, count, heldRef.current);
      last = now;
      if (next === null) return closeRef.current();
      if (next !== atRef.current) setAt(next);
      frame = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(frame);
  }, [count]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeRef.current();
      else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
        const next = step(at, event.key === 'ArrowRight' ? 1 : -1, count);
        if (next) setAt(next);
        else closeRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [at, count]);

  const pressedAt = useRef(0);
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    setHeld(false);
    // A long press only paused; a short one steps.
    if (performance.now() - pressedAt.current > 300) return;
    const box = event.currentTarget.getBoundingClientRect();
    const next = step(at, tapDirection(event.clientX - box.left, box.width), count);
    if (next) setAt(next);
    else close();
  };

  const asset = memory.assets[at.index];
  return createPortal(
    <div
      ref={dialog}
      className="story"
      role="dialog"
      aria-modal="true"
      aria-label={`Memories, ${yearsAgoLabel(memory.yearsAgo)}`}
      tabIndex={-1}
    >
      <div className="story-bars" aria-hidden="true">
        {memory.assets.map((a, i) => (
          <span key={a.id} className="story-bar">
            <span style={{ transform: `scaleX(${progressOf(at, i)})` }} />
          </span>
        ))}
      </div>
      <header className="story-header">
        <span>
          {yearsAgoLabel(memory.yearsAgo)}
          {asset && <span className="muted"> · {formatDay(asset.takenAt)}</span>}
        </span>
        <button type="button" className="icon" aria-label="Close" onClick={close}>
          <Icon name="close" />
        </button>
      </header>
      <div
        className="story-stage"
        onPointerDown={() => {
          pressedAt.current = performance.now();
          setHeld(true);
        }}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setHeld(false)}
        onContextMenu={(event) => event.preventDefault()}
      >
        {asset && (
          <img
            key={asset.id}
            src={thumbnailUrl(asset.id, asset.thumbnailVersion, 'preview')}
            alt={`Photo ${at.index + 1} of ${count}`}
            draggable={false}
          />
        )}
      </div>
    </div>,
    document.body,
  );
}
