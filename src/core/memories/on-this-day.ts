import type { TimelineItem } from '../timeline/timeline.js';

/*
 * [Note: On this day]
 * A memory is what one owner photographed on today's month and day in earlier years, by the
 * photo's local capture date ([Note: Capture time]; an edited date counts: [Note: Metadata
 * edits]), so a photo taken at 23:30 on 14 July in Tokyo is a 14 July memory everywhere. On 28
 * February of a year without a 29th, photos of 29 February come too.
 *
 * Only what the timeline shows is a memory: never trashed, archived or hidden assets, and only
 * the owner's own. Each year is one card, newest year first. Within a year favorites come first,
 * then varied scenes: ten shots of one moment make a dull story, so outside favorites at most one
 * photo is kept per MOMENT_MINUTES (the first of the moment; nothing within that span of a photo
 * already kept), and a year holds at most PER_YEAR photos. Each part is in the order taken.
 *
 * The candidates are one range of assets_month_day_idx (owner, MM-DD of taken_local), a few
 * dozen rows. Today's pick is chosen by a daily job (or by the first read) and stored, so it stays
 * the same through the day; the candidates are still read on every request, which is what keeps
 * the stored pick in step with uploads, edits, trash and restore: see [Note: Daily memories].
 */
export const MOMENT_MINUTES = 30;
export const PER_YEAR = 12;

export interface MemoryYear {
  year: number;
  yearsAgo: number;
  assets: TimelineItem[];
}

/** The day's memories from candidates taken on that month and day in earlier years. */
export function pickOnThisDay(candidates: readonly TimelineItem[], thisYear: number): MemoryYear[] {
  const byYear = new Map<number, TimelineItem[]>();
  for (const item of candidates) {
    const year = Number(item.local.slice(0, 4));
    if (year >= thisYear) continue;
    byYear.set(year, [...(byYear.get(year) ?? []), item]);
  }
  return [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, items]) => ({ year, yearsAgo: thisYear - year, assets: pickYear(items) }));
}

function pickYear(items: readonly TimelineItem[]): TimelineItem[] {
  const inOrder = [...items].sort(
    (a, b) => a.local.localeCompare(b.local) || a.id.localeCompare(b.id),
  );
  const favorites = inOrder.filter((i) => i.isFavorite);
  const kept = favorites.map(minutesOf);
  const others: TimelineItem[] = [];
  for (const item of inOrder) {
    if (item.isFavorite) continue;
    const at = minutesOf(item);
    if (kept.some((k) => Math.abs(k - at) < MOMENT_MINUTES)) continue;
    kept.push(at);
    others.push(item);
  }
  return [...favorites, ...others].slice(0, PER_YEAR);
}

/** Minutes since the epoch of the local wall-clock time: only differences matter here. */
const minutesOf = (item: TimelineItem): number => Date.parse(`${item.local}Z`) / 60_000;

/** Month-days (`MM-DD`) whose photos belong to `day` (`YYYY-MM-DD`). */
export function monthDaysFor(day: string): string[] {
  const monthDay = day.slice(5);
  const year = Number(day.slice(0, 4));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return monthDay === '02-28' && !leap ? ['02-28', '02-29'] : [monthDay];
}
