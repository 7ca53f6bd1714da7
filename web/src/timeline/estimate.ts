import type { GridMetrics } from './month-layout';

/*
 * [Note: Estimated heights and the scroll anchor]
 * A library of a million photos cannot be laid out up front, so every month not yet loaded takes
 * an estimated height from its count alone. When a month loads, its real height replaces the
 * estimate; whatever sits at the top of the viewport must stay put, so the scroll position moves
 * by what changed above it (anchoredScrollTop).
 */

// Phones and cameras shoot mostly 4:3 and 3:2 landscapes, with some portraits.
const TYPICAL_ASPECT = 1.3;
const TYPICAL_PER_DAY = 8;

/** A month's height before its photos are known, from how many it has. */
export function estimateMonthHeight(count: number, m: GridMetrics): number {
  if (count <= 0) return m.monthHeading;
  const perRow = Math.max(1, (m.width + m.gap) / (m.rowHeight * TYPICAL_ASPECT + m.gap));
  const days = Math.min(count, 31, Math.ceil(count / TYPICAL_PER_DAY));
  // Each day ends with a part-filled row, half a row on average.
  const rows = Math.max(days, Math.ceil(count / perRow + days * 0.5));
  return Math.round(
    m.monthHeading + days * (m.dayHeading + m.dayGap) + rows * (m.rowHeight + m.gap),
  );
}

/** Where each section starts, plus the total at the end (length n + 1). */
export function prefixTops(heights: readonly number[]): number[] {
  const tops = [0];
  for (const h of heights) tops.push(tops.at(-1)! + h);
  return tops;
}

/** The section holding this offset (binary search over `tops` from prefixTops). */
export function sectionAt(tops: readonly number[], offset: number): number {
  const n = tops.length - 1;
  if (n <= 0) return -1;
  let [lo, hi] = [0, n - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Sections overlapping [from, to). */
export function sectionsBetween(tops: readonly number[], from: number, to: number): number[] {
  const first = Math.max(0, sectionAt(tops, from));
  const found: number[] = [];
  for (let i = first; i < tops.length - 1 && tops[i]! < to; i++) found.push(i);
  return found;
}

export interface SectionPositions {
  keys: readonly string[];
  tops: readonly number[];
}

/**
 * The scroll position that keeps the content at the top of the viewport where it was after
 * section heights (or the sections themselves) changed: the same offset into the same section.
 */
export function anchoredScrollTop(
  before: SectionPositions,
  after: SectionPositions,
  scrollTop: number,
): number {
  const i = sectionAt(before.tops, scrollTop);
  if (i < 0 || scrollTop <= 0) return scrollTop;
  const j = after.keys.indexOf(before.keys[i]!);
  if (j < 0) return scrollTop;
  const offset = scrollTop - before.tops[i]!;
  const newHeight = after.tops[j + 1]! - after.tops[j]!;
  return after.tops[j]! + Math.min(offset, newHeight);
}
