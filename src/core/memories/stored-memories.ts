import { createHash } from 'node:crypto';
import type { TimelineItem } from '../timeline/timeline.js';
import type { MemoryYear } from './on-this-day.js';

/** One owner's pick for one day, as stored. See: [Note: Daily memories]. */
export interface StoredMemories {
  /** Newest year first, each year's assets in the order shown. */
  years: StoredYear[];
  /** `fingerprintOf` the candidates the pick was chosen from. */
  candidates: string;
}

export interface StoredYear {
  year: number;
  assetIds: string[];
}

/** Names a set of candidates: the same assets give the same fingerprint, in any order. */
export function fingerprintOf(candidates: readonly TimelineItem[]): string {
  const ids = candidates.map((c) => c.id).sort();
  return createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 32);
}

export function toStored(years: readonly MemoryYear[], candidates: string): StoredMemories {
  return {
    years: years.map((y) => ({ year: y.year, assetIds: y.assets.map((a) => a.id) })),
    candidates,
  };
}

/**
 * A stored pick as it is served: each asset read again from today's candidates, so one no longer
 * among them (trashed, archived, hidden, moved to another day, deleted) is left out, and edits
 * show; the years follow the assets' dates as they are now, in the stored order.
 */
export function servedFrom(
  stored: readonly StoredYear[],
  candidates: readonly TimelineItem[],
  thisYear: number,
): MemoryYear[] {
  const current = new Map(candidates.map((c) => [c.id, c]));
  const byYear = new Map<number, TimelineItem[]>();
  for (const id of stored.flatMap((y) => y.assetIds)) {
    const item = current.get(id);
    if (!item) continue;
    const year = Number(item.local.slice(0, 4));
    byYear.set(year, [...(byYear.get(year) ?? []), item]);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, assets]) => ({ year, yearsAgo: thisYear - year, assets }));
}
