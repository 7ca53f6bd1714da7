/*
 * How a memory's story moves: each photo shows for PHOTO_MS, its own progress bar filling, then
 * the next; a tap on the right steps forward, on the left back; holding pauses. Pure, so the
 * timing is tested without a clock: the view feeds it the milliseconds that passed.
 */
export const PHOTO_MS = 5000;

export interface StoryPosition {
  index: number;
  /** How long the current photo has shown, 0 to PHOTO_MS. */
  elapsedMs: number;
}

export const STORY_START: StoryPosition = { index: 0, elapsedMs: 0 };

/** Where the story is `passedMs` later; null once the last photo has had its time. */
export function advance(
  at: StoryPosition,
  passedMs: number,
  count: number,
  paused: boolean,
): StoryPosition | null {
  if (paused || passedMs <= 0) return at;
  let index = at.index;
  let elapsedMs = at.elapsedMs + passedMs;
  while (elapsedMs >= PHOTO_MS) {
    elapsedMs -= PHOTO_MS;
    index += 1;
    if (index >= count) return null;
  }
  return { index, elapsedMs };
}

/** One photo on (+1) or back (-1), from its start; null when stepping past the last. */
export function step(at: StoryPosition, by: 1 | -1, count: number): StoryPosition | null {
  const index = at.index + by;
  if (index >= count) return null;
  return { index: Math.max(0, index), elapsedMs: 0 };
}

/** How full photo `i`'s bar is, 0 to 1: full before the current one, empty after. */
export function progressOf(at: StoryPosition, i: number): number {
  if (i < at.index) return 1;
  if (i > at.index) return 0;
  return Math.min(1, at.elapsedMs / PHOTO_MS);
}

/** Which way a tap at `x` in a view `width` wide steps: the left third back, else forward. */
export const tapDirection = (x: number, width: number): 1 | -1 => (x < width / 3 ? -1 : 1);

/** "1 year ago", "5 years ago". */
export const yearsAgoLabel = (yearsAgo: number): string =>
  yearsAgo === 1 ? '1 year ago' : `${yearsAgo} years ago`;
