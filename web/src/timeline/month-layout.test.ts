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
