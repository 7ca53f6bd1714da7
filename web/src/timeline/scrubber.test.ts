import { describe, expect, it } from 'vitest';
import { prefixTops, sectionAt } from './estimate';
import { LABEL_HEIGHT, MIN_LABEL_GAP, offsetAtY, scrubberMarks, yAtOffset } from './scrubber';

describe('scrubber', () => {
  const months = ['2026-11', '2026-10', '2025-12', '2025-01', '2024-06'];
  const tops = prefixTops([400, 100, 300, 100, 100]);

  it('places months in proportion to their heights, with one label per year', () => {
    const marks = scrubberMarks(months, tops, 500);
    expect(marks.years).toEqual([
      { year: '2026', index: 0, y: 0 },
      { year: '2025', index: 2, y: 250 },
      { year: '2024', index: 4, y: 450 },
    ]);
    expect(marks.dots.map((m) => m.y)).toEqual([200, 400]);
  });

  it('labels a year whose first month sits right under another label', () => {
    // One photo dated 2038, then December and April 2026 (the library), then 2025.
    const library = ['2038-05', '2026-12', '2026-04', '2025-09'];
    const marks = scrubberMarks(library, prefixTops([100, 100, 3000, 3000]), 800);
    expect(marks.years.map((m) => m.year)).toEqual(['2038', '2026', '2025']);
    const ys = marks.years.map((m) => m.y);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(MIN_LABEL_GAP);
    expect(ys[1]).toBeLessThan(marks.years[2]!.y);
  });

  it('gives every year a label while the track has room, moving labels instead of dropping them', () => {
    const years = Array.from({ length: 10 }, (_, i) => `${2030 - i}-01`);
    const heights = years.map((_, i) => (i === 9 ? 10_000 : 10)); // nine thin years on top
    const marks = scrubberMarks(years, prefixTops(heights), 400);
    expect(marks.years.map((m) => m.year)).toEqual(years.map((m) => m.slice(0, 4)));
    for (let i = 1; i < marks.years.length; i++)
      expect(marks.years[i]!.y - marks.years[i - 1]!.y).toBeGreaterThanOrEqual(MIN_LABEL_GAP);
    expect(marks.years.at(-1)!.y).toBeLessThanOrEqual(400 - LABEL_HEIGHT);
    // The dots under the moved labels give way.
    expect(marks.dots.length).toBeLessThan(years.length);
  });

  it('leaves out the thinnest years only when there are more than the track holds', () => {
    const many = Array.from({ length: 40 }, (_, i) => `${2060 - i}-01`);
    const marks = scrubberMarks(many, prefixTops(many.map((_, i) => (i === 7 ? 500 : 10))), 200);
    const labelled = marks.years;
    expect(labelled.length).toBeLessThan(many.length);
    expect(labelled.map((m) => m.year)).toContain('2053');
    for (let i = 1; i < labelled.length; i++)
      expect(labelled[i]!.y - labelled[i - 1]!.y).toBeGreaterThanOrEqual(MIN_LABEL_GAP);
    expect(labelled.at(-1)!.y).toBeLessThanOrEqual(200 - LABEL_HEIGHT);
  });

  it('maps the track to content offsets and back', () => {
    expect(offsetAtY(tops, 250, 500)).toBe(500);
    expect(sectionAt(tops, offsetAtY(tops, 260, 500))).toBe(2);
    expect(offsetAtY(tops, -5, 500)).toBe(0);
    expect(offsetAtY(tops, 900, 500)).toBe(1000);
    expect(yAtOffset(tops, offsetAtY(tops, 321, 500), 500)).toBeCloseTo(321);
    expect(scrubberMarks([], [0], 500)).toEqual({ dots: [], years: [] });
  });
});
