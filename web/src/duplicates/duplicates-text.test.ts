import { describe, expect, it } from 'vitest';
import { describeCopy, trashedNotice } from './duplicates-text';

const copy = (width: number | null, fileSize: number, sharpness: number) => ({
  id: `${width}`,
  originalFileName: 'x.jpg',
  width,
  height: width && width / 2,
  fileSize,
  sharpness,
  thumbnailVersion: null,
});

describe('duplicates text', () => {
  it('describes a copy by its size, bytes and sharpness beside the sharpest', () => {
    const big = copy(4000, 1_900_000, 80);
    const small = copy(1000, 120_000, 40);
    expect(describeCopy(big, [big, small])).toBe('4,000 × 2,000 · 1.9 MB · sharpness 100 %');
    expect(describeCopy(small, [big, small])).toBe('1,000 × 500 · 120 KB · sharpness 50 %');
    expect(describeCopy(copy(null, 999, 0), [copy(null, 999, 0)])).toBe('999 B');
  });

  it('counts what went to the trash', () => {
    expect(trashedNotice(1)).toBe('1 photo moved to the trash.');
    expect(trashedNotice(3)).toBe('3 photos moved to the trash.');
  });
});
