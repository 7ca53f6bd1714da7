/**
 * Lays photos out in rows of equal height that fill the width exactly, each photo keeping its
 * aspect ratio (the "justified" layout of Google Photos and Flickr). Greedy: a row takes photos
 * until, at the target height, they would overflow the width; then the row is scaled to fit.
 * The last row keeps the target height rather than being blown up to fill the width.
 */
export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface JustifiedLayout {
  boxes: Box[];
  height: number;
}

export interface LayoutOptions {
  width: number;
  targetRowHeight: number;
  gap: number;
  /** A row may shrink to this fraction of the target, and grow to 1 / it. */
  tolerance?: number;
}

// Very wide panoramas and very tall strips would otherwise take a row alone, or vanish.
const MIN_ASPECT = 0.4;
const MAX_ASPECT = 3;

export const layoutAspect = (width: number | null, height: number | null): number =>
  width && height ? Math.min(MAX_ASPECT, Math.max(MIN_ASPECT, width / height)) : 1;

export function justify(aspects: readonly number[], options: LayoutOptions): JustifiedLayout {
  const { width, targetRowHeight, gap } = options;
  const boxes: Box[] = [];
  let top = 0;
  let rowStart = 0;
  let aspectSum = 0;

  const place = (end: number, height: number) => {
    let left = 0;
    for (let i = rowStart; i < end; i++) {
      const w = aspects[i]! * height;
      boxes.push({ left, top, width: w, height });
      left += w + gap;
    }
    top += height + gap;
    rowStart = end;
    aspectSum = 0;
  };

  for (let i = 0; i < aspects.length; i++) {
    aspectSum += aspects[i]!;
    const gaps = (i - rowStart) * gap;
    if (aspectSum * targetRowHeight + gaps >= width) {
      // The row is full: the height at which exactly these photos fill the width.
      place(i + 1, Math.max(1, (width - gaps) / aspectSum));
    }
  }
  if (rowStart < aspects.length) {
    const gaps = (aspects.length - 1 - rowStart) * gap;
    // Never taller than the target, never wider than the container.
    place(aspects.length, Math.min(targetRowHeight, (width - gaps) / aspectSum));
  }
  return { boxes, height: Math.max(0, top - gap) };
}
