import { describe, expect, it } from 'vitest';
import { prefixTops, sectionAt } from './estimate';
import { MIN_LABEL_GAP, offsetAtY, scrubberMarks, yAtOffset } from './scrubber';

describe('scrubber', () => {
  const months = ['2026-11', '2026-10', '2025-12', '2025-01', '2024-06'];
  const tops = prefixTops([400, 100, 300, 100, 100]);

  it('places months in proportion to their heights, with one label per year', () => {
    const marks = scrubberMarks(months, tops, 500);
    expect(marks.map((m) => m.y)).toEqual([0, 200, 250, 400, 450]);
    expect(marks.map((m) => m.year)).toEqual(['2026', undefined, '2025', undefined, '2024']);
  });

  it('leaves out year labels that would overlap', () => {
    const many = Array.from({ length: 40 }, (_, i) => `${2060 - i}-01`);
    const marks = scrubberMarks(many, prefixTops(many.map(() => 10)), 200);
    const labelled = marks.filter((m) => m.year);
    expect(labelled.length).toBeLessThan(many.length);
    for (let i = 1; i < labelled.length; i++)
      expect(labelled[i]!.y - labelled[i - 1]!.y).toBeGreaterThanOrEqual(MIN_LABEL_GAP);
  });

  it('maps the track to content offsets and back', () => {
    expect(offsetAtY(tops, 250, 500)).toBe(500);
    expect(sectionAt(tops, offsetAtY(tops, 260, 500))).toBe(2);
    expect(offsetAtY(tops, -5, 500)).toBe(0);
    expect(offsetAtY(tops, 900, 500)).toBe(1000);
    expect(yAtOffset(tops, offsetAtY(tops, 321, 500), 500)).toBeCloseTo(321);
    expect(scrubberMarks([], [0], 500)).toEqual([]);
  });
});
