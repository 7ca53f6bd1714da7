import { describe, expect, it } from 'vitest';
import {
  advance,
  PHOTO_MS,
  progressOf,
  step,
  STORY_START,
  tapDirection,
  yearsAgoLabel,
} from './story-timing';

describe('story timing', () => {
  it('moves to the next photo when one has had its time, and ends after the last', () => {
    const half = advance(STORY_START, PHOTO_MS / 2, 3, false)!;
    expect(half).toEqual({ index: 0, elapsedMs: PHOTO_MS / 2 });
    expect(progressOf(half, 0)).toBe(0.5);
    expect(advance(half, PHOTO_MS, 3, false)).toEqual({ index: 1, elapsedMs: PHOTO_MS / 2 });
    expect(advance({ index: 2, elapsedMs: PHOTO_MS - 1 }, 1, 3, false)).toBeNull();
  });

  it('stands still while paused (held)', () => {
    expect(advance(STORY_START, 10 * PHOTO_MS, 3, true)).toBe(STORY_START);
  });

  it('steps forward and back from a photo’s start, never before the first', () => {
    const at = { index: 1, elapsedMs: 1234 };
    expect(step(at, 1, 3)).toEqual({ index: 2, elapsedMs: 0 });
    expect(step(at, -1, 3)).toEqual({ index: 0, elapsedMs: 0 });
    expect(step(STORY_START, -1, 3)).toEqual(STORY_START);
    expect(step({ index: 2, elapsedMs: 0 }, 1, 3)).toBeNull();
  });

  it('fills the bars before the current photo and leaves those after it empty', () => {
    const at = { index: 1, elapsedMs: PHOTO_MS / 4 };
    expect([0, 1, 2].map((i) => progressOf(at, i))).toEqual([1, 0.25, 0]);
  });

  it('reads a tap in the left third as back, elsewhere as forward; labels years', () => {
    expect(tapDirection(10, 300)).toBe(-1);
    expect(tapDirection(200, 300)).toBe(1);
    expect(yearsAgoLabel(1)).toBe('1 year ago');
    expect(yearsAgoLabel(5)).toBe('5 years ago');
  });
});
