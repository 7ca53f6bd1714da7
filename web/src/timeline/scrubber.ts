/**
 * The date scrubber's math: the track is the whole timeline scaled down, so a month sits on it
 * where its (estimated) top sits in the content. `tops` is prefixTops() of the month heights.
 */
export interface ScrubberMark {
  index: number;
  /** Pixels from the top of the track. */
  y: number;
  /** The year, on the first (newest) month of each year that has room for a label. */
  year?: string;
}

/** Labels closer than this to the previous label are left out. */
export const MIN_LABEL_GAP = 18;

export function scrubberMarks(
  months: readonly string[],
  tops: readonly number[],
  trackHeight: number,
): ScrubberMark[] {
  const total = tops.at(-1) ?? 0;
  if (total <= 0) return [];
  let lastYear = '';
  let lastLabelY = -Infinity;
  return months.map((month, index) => {
    const y = (tops[index]! / total) * trackHeight;
    const year = month.slice(0, 4);
    const mark: ScrubberMark = { index, y };
    if (year !== lastYear && y - lastLabelY >= MIN_LABEL_GAP) {
      mark.year = year;
      lastLabelY = y;
    }
    lastYear = year;
    return mark;
  });
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
