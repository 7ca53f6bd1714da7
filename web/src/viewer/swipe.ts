/**
 * What a one-finger drag on an unzoomed photo means once the finger lifts: a horizontal swipe
 * steps, a downward one closes, anything shorter is nothing (a tap, a wobble). A quick flick counts
 * with less distance, as on phones' own galleries.
 */
export type Swipe = 'next' | 'previous' | 'close' | null;

const DISTANCE = 80;
const FLICK_DISTANCE = 30;
const FLICK_SPEED = 0.5; // pixels per millisecond

export function classifySwipe(dx: number, dy: number, ms: number): Swipe {
  const speed = Math.hypot(dx, dy) / Math.max(1, ms);
  const enough = (d: number) => d >= DISTANCE || (d >= FLICK_DISTANCE && speed >= FLICK_SPEED);
  if (Math.abs(dx) > Math.abs(dy) * 1.5 && enough(Math.abs(dx)))
    return dx < 0 ? 'next' : 'previous';
  if (dy > Math.abs(dx) * 1.5 && enough(dy)) return 'close';
  return null;
}

/** While dragging, which way the photo follows the finger (the axis the swipe is taking). */
export function dragAxis(dx: number, dy: number): 'x' | 'y' | null {
  if (Math.hypot(dx, dy) < 10) return null;
  return Math.abs(dx) >= Math.abs(dy) ? 'x' : 'y';
}

/** Two taps this close in time and place are a double tap. */
export function isDoubleTap(
  previous: { x: number; y: number; at: number } | null,
  tap: { x: number; y: number; at: number },
): boolean {
  return (
    previous !== null &&
    tap.at - previous.at < 300 &&
    Math.hypot(tap.x - previous.x, tap.y - previous.y) < 30
  );
}
