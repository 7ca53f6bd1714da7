import { dayOf, type GridItem } from './grid-item';
import { justify, type Box } from './justified-rows';

/** Sizes of one grid's layout; phones get smaller rows (see metricsFor). */
export interface GridMetrics {
  width: number;
  rowHeight: number;
  gap: number;
  monthHeading: number;
  dayHeading: number;
  /** Space after a day's last row, and between days that share a row. */
  dayGap: number;
  /** The narrowest a day that shares a row may be: room for its heading. */
  minDayWidth: number;
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
    minDayWidth: phone ? 110 : 150,
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
  /** The day's block: its heading and tiles sit within these. */
  left: number;
  width: number;
}

export interface MonthLayout {
  height: number;
  days: PlacedDay[];
  /** Every tile, in order, tops increasing. */
  tiles: PlacedTile[];
}

/*
 * [Note: Days share rows]
 * A library spread over many days would otherwise be mostly white space: each day's one or two
 * photos alone on a row as wide as the screen. A day whose photos fit in one row that is not
 * full is a block as wide as its photos (at least as wide as its heading), and such blocks flow
 * side by side, as in Immich and Google Photos; each keeps its own heading. A day that fills a
 * row still starts a new line and spans it. Tiles stay in order with tops never decreasing, which
 * is all that the virtualisation and the keyboard's row navigation rely on.
 */

interface DayBlock {
  group: DayGroup;
  boxes: Box[];
  width: number;
  height: number;
  /** One row that does not fill the width: may share a line with other small days. */
  small: boolean;
}

function dayBlock(group: DayGroup, m: GridMetrics): DayBlock {
  const rows = justify(
    group.items.map((item) => item.aspectRatio),
    { width: m.width, targetRowHeight: m.rowHeight, gap: m.gap },
  );
  const last = rows.boxes.at(-1)!;
  const tilesWidth = last.left + last.width;
  const small = last.top === 0 && last.height >= m.rowHeight && tilesWidth < m.width - 1;
  return {
    group,
    boxes: rows.boxes,
    width: small ? Math.min(m.width, Math.max(tilesWidth, m.minDayWidth)) : m.width,
    height: rows.height,
    small,
  };
}

/** A month's real layout: its heading, then its days, small ones side by side. See: [Note: Days share rows] */
export function layoutMonth(items: readonly GridItem[], m: GridMetrics): MonthLayout {
  const days: PlacedDay[] = [];
  const tiles: PlacedTile[] = [];
  let top = m.monthHeading;
  // The line of small days being filled: where the next one would go, and how tall it is.
  let lineLeft = 0;
  let lineHeight = 0;
  const endLine = () => {
    if (lineHeight > 0) top += m.dayHeading + lineHeight + m.dayGap;
    lineLeft = 0;
    lineHeight = 0;
  };
  for (const group of groupByDay(items)) {
    const block = dayBlock(group, m);
    if (!block.small || (lineHeight > 0 && lineLeft + block.width > m.width)) endLine();
    const left = lineLeft;
    days.push({ ...group, top, left, width: block.width });
    block.boxes.forEach((box, i) =>
      tiles.push({
        item: group.items[i]!,
        ...box,
        left: left + box.left,
        top: top + m.dayHeading + box.top,
      }),
    );
    if (block.small) {
      lineLeft += block.width + m.dayGap;
      lineHeight = Math.max(lineHeight, block.height);
    } else {
      top += m.dayHeading + block.height + m.dayGap;
    }
  }
  endLine();
  return { height: top, days, tiles };
}
