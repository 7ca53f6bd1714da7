/**
 * The date scrubber's math: the track is the whole timeline scaled down, so a month sits on it
 * where its (estimated) top sits in the content. `tops` is prefixTops() of the month heights.
 */

/** A month's dot on the track. */
export interface ScrubberDot {
  index: number;
  /** Pixels from the top of the track. */
  y: number;
}

/** A year's label: near the top of its first (newest) month, moved to stay clear of its neighbours. */
export interface ScrubberYear {
  year: string;
  /** The index of the year's first month. */
  index: number;
  /** Pixels from the top of the track to the label's top. */
  y: number;
}

export interface ScrubberMarks {
  dots: ScrubberDot[];
  years: ScrubberYear[];
}

/** Year labels stay at least this far apart. */
export const MIN_LABEL_GAP = 18;
/** The label's own height: it must end inside the track. */
export const LABEL_HEIGHT = 12;

interface YearSpan {
  year: string;
  index: number;
  start: number;
  end: number;
}

// [Note: Scrubber labels]
// Every year with photos gets its label whenever the track can hold one label per year: a label
// that would touch its neighbour is moved down (and, near the bottom, up) instead of dropped, so a
// lone photo dated 2038 at the top no longer hides 2026 right below it. The month dots give way
// to the labels. Only when there are more years than the track has room for are years dropped,
// the thinnest (fewest photos) first.
export function scrubberMarks(
  months: readonly string[],
  tops: readonly number[],
  trackHeight: number,
): ScrubberMarks {
  const total = tops.at(-1) ?? 0;
  if (total <= 0 || months.length === 0) return { dots: [], years: [] };
  const ys = months.map((_, index) => (tops[index]! / total) * trackHeight);

  const spans: YearSpan[] = [];
  months.forEach((month, index) => {
    const year = month.slice(0, 4);
    const last = spans.at(-1);
    if (last?.year === year) return;
    if (last) last.end = ys[index]!;
    spans.push({ year, index, start: ys[index]!, end: trackHeight });
  });

  const bottom = Math.max(0, trackHeight - LABEL_HEIGHT);
  const room = Math.floor(bottom / MIN_LABEL_GAP) + 1;
  const dropped = new Set(
    [...spans]
      .sort((a, b) => a.end - a.start - (b.end - b.start) || b.index - a.index)
      .slice(0, Math.max(0, spans.length - room)),
  );
  const kept = spans.filter((span) => !dropped.has(span));

  // Down from the top, then up from the bottom: n labels fit in n * gap.
  const labelYs = kept.map((span) => Math.min(span.start, bottom));
  for (let i = 1; i < labelYs.length; i++)
    labelYs[i] = Math.max(labelYs[i]!, labelYs[i - 1]! + MIN_LABEL_GAP);
  for (let i = labelYs.length - 1; i >= 0; i--)
    labelYs[i] = Math.min(
      labelYs[i]!,
      i === labelYs.length - 1 ? bottom : labelYs[i + 1]! - MIN_LABEL_GAP,
    );
  const years = kept.map((span, i) => ({ year: span.year, index: span.index, y: labelYs[i]! }));

  const underLabel = (y: number) =>
    years.some((label) => y >= label.y - 4 && y <= label.y + LABEL_HEIGHT + 2);
  const dots = ys.flatMap((y, index) => (underLabel(y) ? [] : [{ index, y }]));
  return { dots, years };
}

/** The content offset that a point on the track stands for. */
export function offsetAtY(tops: readonly number[], y: number, trackHeight: number): number {
  const total = tops.at(-1) ?? 0;
  if (trackHeight <= 0) return 0;
  return Math.min(total, Math.max(0, (y / trackHeight) * total));
}

/** Where a content offset (the scroll position) shows on the track. */
export function yAtOffset(tops: readonly number[], offset: number, trackHeight: number): number {
  const total = tops.at(-1) ?? 0;
  return total > 0 ? Math.min(trackHeight, Math.max(0, (offset / total) * trackHeight)) : 0;
}
