import { describe, expect, it } from 'vitest';
import { justify, layoutAspect } from './justified-rows';

const options = { width: 1000, targetRowHeight: 200, gap: 4 };

describe('justified rows', () => {
  it('fills every full row to the exact width, keeping each aspect ratio', () => {
    const aspects = [1.5, 0.75, 1.33, 1, 1.78, 0.66, 1.5, 1.5, 1, 2];
    const { boxes } = justify(aspects, options);
    expect(boxes).toHaveLength(aspects.length);
    const rows = new Map<number, typeof boxes>();
    for (const box of boxes) rows.set(box.top, [...(rows.get(box.top) ?? []), box]);
    const rowList = [...rows.values()];
    for (const row of rowList.slice(0, -1)) {
      const last = row.at(-1)!;
      expect(last.left + last.width).toBeCloseTo(options.width, 6);
      for (const box of row) expect(box.height).toBe(row[0]!.height);
    }
    boxes.forEach((box, i) => expect(box.width / box.height).toBeCloseTo(aspects[i]!, 6));
  });

  it('keeps rows near the target height', () => {
    const aspects = Array.from({ length: 200 }, (_, i) => [1.5, 0.75, 1, 1.33][i % 4]!);
    const { boxes } = justify(aspects, options);
    for (const box of boxes) {
      expect(box.height).toBeGreaterThan(options.targetRowHeight * 0.6);
      expect(box.height).toBeLessThanOrEqual(options.targetRowHeight * 1.4);
    }
  });

  it('does not stretch a short last row, and stacks rows with the gap between them', () => {
    const { boxes, height } = justify([1.5, 1.5, 1.5, 1.5, 1], options);
    const last = boxes.at(-1)!;
    expect(last.height).toBe(options.targetRowHeight);
    expect(last.top).toBeCloseTo(boxes[0]!.height + options.gap, 6);
    expect(height).toBeCloseTo(last.top + last.height, 6);
  });

  it('never overlaps boxes in a row', () => {
    const { boxes } = justify([3, 0.4, 1, 2, 0.5, 1.2, 1.7], options);
    for (let i = 1; i < boxes.length; i++) {
      const [a, b] = [boxes[i - 1]!, boxes[i]!];
      if (a.top === b.top) expect(b.left).toBeCloseTo(a.left + a.width + options.gap, 6);
    }
  });

  it('lays out nothing as nothing, and one huge panorama within the width', () => {
    expect(justify([], options)).toEqual({ boxes: [], height: 0 });
    const { boxes } = justify([layoutAspect(20000, 1000)], options);
    expect(boxes[0]!.width).toBeLessThanOrEqual(options.width);
  });

  it('clamps extreme and unknown shapes', () => {
    expect(layoutAspect(null, null)).toBe(1);
    expect(layoutAspect(100, 10000)).toBe(0.4);
    expect(layoutAspect(10000, 100)).toBe(3);
    expect(layoutAspect(4000, 3000)).toBeCloseTo(4 / 3);
  });
});
