import { dayOf, type GridItem } from './grid-item';
import { justify } from './justified-rows';

/** Sizes of one grid's layout; phones get smaller rows (see metricsFor). */
export interface GridMetrics {
  width: number;
  rowHeight: number;
  gap: number;
  monthHeading: number;
  dayHeading: number;
  /** Space after a day's last row. */
  dayGap: number;
}

export function metricsFor(width: number): GridMetrics {
  const phone = width < 600;
  return {
    width: Math.max(100, width),
    rowHeight: phone ? 120 : 220,
    gap: phone ? 2 : 4,
    monthHeading: phone ? 48 : 60,
    dayHeading: phone ? 36 : 40,
    dayGap: phone ? 8 : 12,
  };
}

export interface DayGroup {
  day: string;
  items: GridItem[];
}

/** Consecutive items of one capture day, in the order given (newest first). */
export function groupByDay(items: readonly GridItem[]): DayGroup[] {
  const groups: DayGroup[] = [];
  for (const item of items) {
    const day = dayOf(item);
    const last = groups.at(-1);
    if (last?.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

export interface PlacedTile {
  item: GridItem;
  /** Relative to the top of the month. */
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface PlacedDay extends DayGroup {
  /** Top of the day heading, relative to the month. */
  top: number;
}

export interface MonthLayout {
  height: number;
  days: PlacedDay[];
  /** Every tile, in order, tops increasing. */
  tiles: PlacedTile[];
}

/** A month's real layout: its heading, then each day's heading and justified rows. */
export function layoutMonth(items: readonly GridItem[], m: GridMetrics): MonthLayout {
  const days: PlacedDay[] = [];
  const tiles: PlacedTile[] = [];
  let top = m.monthHeading;
  for (const group of groupByDay(items)) {
    days.push({ ...group, top });
    top += m.dayHeading;
    const rows = justify(
      group.items.map((item) => item.aspectRatio),
      { width: m.width, targetRowHeight: m.rowHeight, gap: m.gap },
    );
    rows.boxes.forEach((box, i) =>
      tiles.push({ item: group.items[i]!, ...box, top: top + box.top }),
    );
    top += rows.height + m.dayGap;
  }
  return { height: top, days, tiles };
}
