import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { monthLabel } from './dates';
import { sectionAt } from './estimate';
import { offsetAtY, scrubberMarks, yAtOffset } from './scrubber';

interface Props {
  months: readonly string[];
  /** prefixTops() of the months' heights. */
  tops: readonly number[];
  scrollTop: number;
  trackHeight: number;
  /** Scrolls the grid to this content offset. */
  onJump(offset: number): void;
}

/**
 * The date scrubber on the right edge: years and months where they are in the timeline; drag or
 * click to jump, with a label saying where. A slider for the keyboard: arrows step a month,
 * Page Up/Down a year.
 */
export function Scrubber({ months, tops, scrollTop, trackHeight, onJump }: Props) {
  const [hoverY, setHoverY] = useState<number>();
  const dragging = useRef(false);
  const current = Math.max(0, sectionAt(tops, scrollTop + 1));
  const marks = scrubberMarks(months, tops, trackHeight);
  if (months.length === 0) return null;

  const yOf = (e: PointerEvent) => e.clientY - e.currentTarget.getBoundingClientRect().top;
  const jumpToMonth = (index: number) => {
    const i = Math.min(months.length - 1, Math.max(0, index));
    onJump(tops[i]!);
  };
  const hoverMonth =
    hoverY === undefined ? undefined : sectionAt(tops, offsetAtY(tops, hoverY, trackHeight));

  const onKeyDown = (e: KeyboardEvent) => {
    const steps: Record<string, number> = {
      ArrowDown: 1,
      ArrowRight: 1,
      ArrowUp: -1,
      ArrowLeft: -1,
      PageDown: 12,
      PageUp: -12,
    };
    if (e.key in steps) jumpToMonth(current + steps[e.key]!);
    else if (e.key === 'Home') jumpToMonth(0);
    else if (e.key === 'End') jumpToMonth(months.length - 1);
    else return;
    e.preventDefault();
  };

  return (
    <div
      className="scrubber"
      role="slider"
      tabIndex={0}
      aria-label="Jump to a month"
      aria-orientation="vertical"
      aria-valuemin={0}
      aria-valuemax={months.length - 1}
      aria-valuenow={current}
      aria-valuetext={monthLabel(months[current]!)}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        dragging.current = true;
        e.currentTarget.setPointerCapture(e.pointerId);
        const y = yOf(e);
        setHoverY(y);
        jumpToMonth(sectionAt(tops, offsetAtY(tops, y, trackHeight)));
      }}
      onPointerMove={(e) => {
        const y = yOf(e);
        setHoverY(y);
        if (dragging.current) onJump(offsetAtY(tops, y, trackHeight));
      }}
      onPointerUp={() => {
        dragging.current = false;
      }}
      onPointerCancel={() => {
        dragging.current = false;
        setHoverY(undefined);
      }}
      onPointerLeave={() => {
        if (!dragging.current) setHoverY(undefined);
      }}
    >
      {marks.dots.map((dot) => (
        <span key={dot.index} className="scrubber-dot" style={{ top: dot.y }} aria-hidden="true" />
      ))}
      {marks.years.map((label) => (
        <span
          key={label.year}
          className="scrubber-year"
          style={{ top: label.y }}
          aria-hidden="true"
        >
          {label.year}
        </span>
      ))}
      <span
        className="scrubber-thumb"
        style={{ top: yAtOffset(tops, scrollTop, trackHeight) }}
        aria-hidden="true"
      />
      {hoverMonth !== undefined && hoverMonth >= 0 && (
        <span className="scrubber-label" style={{ top: hoverY }} aria-hidden="true">
          {monthLabel(months[hoverMonth]!)}
        </span>
      )}
    </div>
  );
}
