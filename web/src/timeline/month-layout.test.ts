import { describe, expect, it } from 'vitest';
import { dayLabel, durationLabel, monthLabel } from './dates';
import { groupByDay, layoutMonth, metricsFor } from './month-layout';
import { item } from './test-items';

describe('day grouping', () => {
  it('groups consecutive items by their local capture day, keeping the order', () => {
    const groups = groupByDay([
      item('a', '2026-11-25T23:59:00+09:00'),
      item('b', '2026-11-25T08:00:00'),
      item('c', '2026-11-24T23:30:00-05:00'),
    ]);
    expect(groups.map((g) => [g.day, g.items.map((i) => i.id)])).toEqual([
      ['2026-11-25', ['a', 'b']],
      ['2026-11-24', ['c']],
    ]);
  });

  it('lays a month out as heading, then each day heading and its rows', () => {
    const m = metricsFor(1000);
    const items = [
      ...Array.from({ length: 9 }, (_, i) => item(`a${i}`, '2026-11-25T10:00:00')),
      item('b', '2026-11-20T10:00:00'),
    ];
    const layout = layoutMonth(items, m);
    expect(layout.days.map((d) => d.top)).toEqual([m.monthHeading, expect.any(Number) as number]);
    const firstTile = layout.tiles[0]!;
    expect(firstTile.top).toBe(m.monthHeading + m.dayHeading);
    const lastOfDay1 = layout.tiles[8]!;
    expect(layout.days[1]!.top).toBeCloseTo(lastOfDay1.top + lastOfDay1.height + m.dayGap, 6);
    expect(layout.height).toBeCloseTo(layout.tiles[9]!.top + layout.tiles[9]!.height + m.dayGap);
  });

  it('puts small days side by side in shared rows, each block as wide as its photos', () => {
    const m = metricsFor(1366);
    // Twelve days of one or two photos each, every one a single row far narrower than 1366.
    const items = Array.from({ length: 12 }, (_, d) =>
      Array.from({ length: 1 + (d % 2) }, (_, i) =>
        item(`d${d}p${i}`, `2026-11-${String(28 - d).padStart(2, '0')}T10:00:00`, 1.33),
      ),
    ).flat();
    const layout = layoutMonth(items, m);
    const firstLine = layout.days.filter((d) => d.top === m.monthHeading);
    expect(firstLine.length).toBeGreaterThanOrEqual(3);
    for (const [i, day] of layout.days.entries()) {
      expect(day.left + day.width).toBeLessThanOrEqual(m.width + 0.001);
      const next = layout.days[i + 1];
      if (next?.top === day.top) expect(next.left).toBeGreaterThanOrEqual(day.left + day.width);
      const own = layout.tiles.filter((t) => day.items.includes(t.item));
      for (const t of own) {
        expect(t.top).toBe(day.top + m.dayHeading);
        expect(t.left).toBeGreaterThanOrEqual(day.left);
        expect(t.left + t.width).toBeLessThanOrEqual(day.left + day.width + 0.001);
      }
    }
    // Half as many lines as days or fewer; tiles in order with tops never decreasing.
    expect(new Set(layout.days.map((d) => d.top)).size).toBeLessThanOrEqual(6);
    expect(layout.tiles.map((t) => t.item.id)).toEqual(items.map((i) => i.id));
    for (let i = 1; i < layout.tiles.length; i++)
      expect(layout.tiles[i]!.top).toBeGreaterThanOrEqual(layout.tiles[i - 1]!.top);
    const lastTile = layout.tiles.at(-1)!;
    expect(layout.height).toBeCloseTo(lastTile.top + lastTile.height + m.dayGap);
  });

  it('gives a day that fills a row whole rows of its own, and keeps narrow days readable', () => {
    const m = metricsFor(1000);
    const items = [
      item('small1', '2026-11-25T10:00:00'),
      ...Array.from({ length: 7 }, (_, i) => item(`big${i}`, '2026-11-24T10:00:00')),
      item('small2', '2026-11-23T10:00:00', 0.4),
      item('small3', '2026-11-22T10:00:00'),
    ];
    const layout = layoutMonth(items, m);
    const [small1, big, small2, small3] = layout.days;
    expect(big!.top).toBeGreaterThan(small1!.top);
    expect([big!.left, big!.width]).toEqual([0, m.width]);
    expect(small2!.top).toBeGreaterThan(big!.top);
    expect(small2!.left).toBe(0);
    // A tall narrow strip's block still has room for its heading.
    expect(small2!.width).toBe(m.minDayWidth);
    expect(small3!.top).toBe(small2!.top);
    expect(small3!.left).toBe(m.minDayWidth + m.dayGap);
  });

  it('uses smaller rows on phones', () => {
    expect(metricsFor(390).rowHeight).toBe(120);
    expect(metricsFor(1200).rowHeight).toBe(220);
  });
});

describe('date labels', () => {
  it('names today, yesterday, and other days by weekday and date', () => {
    expect(dayLabel('2026-11-25', '2026-11-25')).toBe('Today');
    expect(dayLabel('2026-11-24', '2026-11-25')).toBe('Yesterday');
    expect(dayLabel('2026-02-28', '2026-03-01')).toBe('Yesterday');
    expect(dayLabel('2026-11-25', '2026-12-30')).toMatch(/Wed.*Nov.*25/);
    expect(dayLabel('2020-11-25', '2026-12-30')).toMatch(/2020/);
    expect(monthLabel('2026-11')).toMatch(/November.*2026/);
  });

  it('shows durations as a clock', () => {
    expect(durationLabel(7.4)).toBe('0:07');
    expect(durationLabel(723)).toBe('12:03');
    expect(durationLabel(3723)).toBe('1:02:03');
  });
});
