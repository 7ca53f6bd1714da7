import { describe, expect, it } from 'vitest';
import { FITTED, clampPan, fitInto, maxScale, needsOriginal, previewSize, zoomAt } from './zoom';

const stage = { width: 1000, height: 800 };

describe('fitting', () => {
  it('contains the photo in the stage', () => {
    expect(fitInto({ width: 4000, height: 3000 }, stage)).toEqual({ width: 1000, height: 750 });
    expect(fitInto({ width: 1000, height: 2000 }, stage)).toEqual({ width: 400, height: 800 });
  });

  it('knows the preview is 1440 pixels on the long side, never enlarged', () => {
    expect(previewSize({ width: 4032, height: 3024 })).toEqual({ width: 1440, height: 1080 });
    expect(previewSize({ width: 800, height: 600 })).toEqual({ width: 800, height: 600 });
  });
});

describe('zooming', () => {
  const fitted = { width: 1000, height: 750 };
  const limits = { fitted, stage, max: 8 };

  it('keeps the point under the cursor in place', () => {
    const point = { x: 200, y: 100 };
    const v = zoomAt(FITTED, 2, point, limits);
    expect(v.scale).toBe(2);
    // The photo point that was at 200 (photo coordinate 200) is now at x + 200 * 2.
    expect(v.x + 200 * v.scale).toBeCloseTo(200);
    expect(v.y + 100 * v.scale).toBeCloseTo(100);
  });

  it('stays between fitted and the maximum, and snaps back to fitted', () => {
    expect(zoomAt(FITTED, 100, { x: 0, y: 0 }, limits).scale).toBe(8);
    expect(zoomAt({ scale: 1.5, x: 40, y: 0 }, 0.5, { x: 0, y: 0 }, limits)).toEqual(FITTED);
  });

  it('never pans the photo away from the stage edges', () => {
    expect(clampPan({ scale: 2, x: 5000, y: -5000 }, fitted, stage)).toEqual({
      scale: 2,
      x: 500,
      y: -350,
    });
    // Narrower than the stage: centred on that axis.
    expect(clampPan({ scale: 1, x: 30, y: 30 }, { width: 400, height: 800 }, stage)).toEqual({
      scale: 1,
      x: 0,
      y: 0,
    });
  });

  it('offers more zoom for large originals', () => {
    expect(maxScale(fitted, { width: 8000, height: 6000 })).toBe(16);
    expect(maxScale(fitted, { width: 1200, height: 900 })).toBe(4.8);
    expect(maxScale(fitted, null)).toBe(4);
  });
});

describe('the original on demand', () => {
  const fitted = { width: 1000, height: 750 };
  const original = { width: 4032, height: 3024 };
  const preview = previewSize(original);

  it('is not needed while the preview has the pixels', () => {
    expect(needsOriginal(FITTED, fitted, preview, original, 1)).toBe(false);
    expect(needsOriginal({ scale: 1.4, x: 0, y: 0 }, fitted, preview, original, 1)).toBe(false);
  });

  it('is needed once drawn wider than the preview, in device pixels', () => {
    expect(needsOriginal({ scale: 2, x: 0, y: 0 }, fitted, preview, original, 1)).toBe(true);
    expect(needsOriginal(FITTED, fitted, preview, original, 2)).toBe(true);
  });

  it('is never needed when the original is no larger than the preview', () => {
    const small = { width: 1200, height: 900 };
    expect(needsOriginal({ scale: 4, x: 0, y: 0 }, fitted, previewSize(small), small, 2)).toBe(
      false,
    );
  });
});
