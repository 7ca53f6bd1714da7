import { describe, expect, it } from 'vitest';
import { classifySwipe, dragAxis, isDoubleTap } from './swipe';

describe('swipes', () => {
  it('steps on a long horizontal drag, either way', () => {
    expect(classifySwipe(-120, 10, 400)).toBe('next');
    expect(classifySwipe(120, -10, 400)).toBe('previous');
  });

  it('steps on a short quick flick but not on a short slow drag', () => {
    expect(classifySwipe(-40, 0, 50)).toBe('next');
    expect(classifySwipe(-40, 0, 500)).toBeNull();
  });

  it('closes on a downward drag, not an upward one', () => {
    expect(classifySwipe(5, 150, 300)).toBe('close');
    expect(classifySwipe(5, -150, 300)).toBeNull();
  });

  it('ignores diagonal and tiny movements', () => {
    expect(classifySwipe(100, 90, 300)).toBeNull();
    expect(classifySwipe(3, 2, 100)).toBeNull();
  });

  it('picks the drag axis once the finger has moved', () => {
    expect(dragAxis(4, 3)).toBeNull();
    expect(dragAxis(30, 10)).toBe('x');
    expect(dragAxis(5, 30)).toBe('y');
  });
});

it('recognises a double tap by time and place', () => {
  const first = { x: 100, y: 100, at: 1000 };
  expect(isDoubleTap(null, first)).toBe(false);
  expect(isDoubleTap(first, { x: 110, y: 105, at: 1200 })).toBe(true);
  expect(isDoubleTap(first, { x: 110, y: 105, at: 1400 })).toBe(false);
  expect(isDoubleTap(first, { x: 200, y: 100, at: 1100 })).toBe(false);
});
