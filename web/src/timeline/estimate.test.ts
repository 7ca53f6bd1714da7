import { describe, expect, it } from 'vitest';
import {
  anchoredScrollTop,
  estimateMonthHeight,
  prefixTops,
  sectionAt,
  sectionsBetween,
} from './estimate';
import { layoutMonth, metricsFor } from './month-layout';
import { item } from './test-items';

describe('month height estimate', () => {
  it('is within a third of the real height for a typical month', () => {
    const m = metricsFor(1200);
    const items = Array.from({ length: 240 }, (_, i) =>
      item(
        `p${i}`,
        `2026-11-${String(1 + Math.floor(i / 8)).padStart(2, '0')}T12:00:00`,
        [1.5, 1.33, 0.75, 1.78][i % 4],
      ),
    );
    const real = layoutMonth(items, m).height;
    const estimate = estimateMonthHeight(items.length, m);
    expect(Math.abs(estimate - real) / real).toBeLessThan(0.33);
  });

  it('grows with the count and never goes below a heading', () => {
    const m = metricsFor(800);
    expect(estimateMonthHeight(0, m)).toBe(m.monthHeading);
    expect(estimateMonthHeight(1000, m)).toBeGreaterThan(estimateMonthHeight(100, m));
  });
});

describe('section positions', () => {
  const tops = prefixTops([100, 50, 200]);

  it('finds the section holding an offset, and those in a range', () => {
    expect(tops).toEqual([0, 100, 150, 350]);
    expect(sectionAt(tops, 0)).toBe(0);
    expect(sectionAt(tops, 99)).toBe(0);
    expect(sectionAt(tops, 100)).toBe(1);
    expect(sectionAt(tops, 10_000)).toBe(2);
    expect(sectionsBetween(tops, 120, 160)).toEqual([1, 2]);
    expect(sectionsBetween(tops, 0, 50)).toEqual([0]);
  });

  it('keeps the content at the top of the viewport in place when a month above is measured', () => {
    const keys = ['2026-11', '2026-10', '2026-09'];
    const before = { keys, tops };
    const after = { keys, tops: prefixTops([180, 50, 200]) };
    // 20 px into 2026-09; the month above grew by 80 px.
    expect(anchoredScrollTop(before, after, 170)).toBe(250);
    // Inside the month that changed: the same offset into it.
    expect(anchoredScrollTop(before, after, 40)).toBe(40);
    expect(anchoredScrollTop(before, after, 0)).toBe(0);
  });

  it('follows its month when a new month appears above, and clamps to a shrunk month', () => {
    const before = { keys: ['2026-10', '2026-09'], tops: prefixTops([100, 300]) };
    const after = { keys: ['2026-11', '2026-10', '2026-09'], tops: prefixTops([60, 100, 100]) };
    expect(anchoredScrollTop(before, after, 150)).toBe(210);
    expect(anchoredScrollTop(before, after, 350)).toBe(260);
  });
});
