import { describe, expect, it } from 'vitest';
import { nextFocus, type NavTile } from './grid-navigation';

// Row 1: a b c; row 2: d (wide) e; row 3: f
const tiles: NavTile[] = [
  { id: 'a', top: 0, left: 0, width: 100 },
  { id: 'b', top: 0, left: 104, width: 100 },
  { id: 'c', top: 0, left: 208, width: 100 },
  { id: 'd', top: 110, left: 0, width: 250 },
  { id: 'e', top: 110, left: 254, width: 50 },
  { id: 'f', top: 300, left: 0, width: 100 },
];

describe('grid keyboard navigation', () => {
  it('moves left and right in reading order, across rows', () => {
    expect(nextFocus(tiles, 'c', 'ArrowRight')).toBe('d');
    expect(nextFocus(tiles, 'd', 'ArrowLeft')).toBe('c');
    expect(nextFocus(tiles, 'f', 'ArrowRight')).toBeUndefined();
  });

  it('moves up and down to the horizontally nearest tile', () => {
    expect(nextFocus(tiles, 'c', 'ArrowDown')).toBe('e');
    expect(nextFocus(tiles, 'b', 'ArrowDown')).toBe('d');
    expect(nextFocus(tiles, 'e', 'ArrowUp')).toBe('c');
    expect(nextFocus(tiles, 'e', 'ArrowDown')).toBe('f');
    expect(nextFocus(tiles, 'a', 'ArrowUp')).toBeUndefined();
  });

  it('goes to the ends with Home and End, and to the first tile from an unknown one', () => {
    expect(nextFocus(tiles, 'd', 'Home')).toBe('a');
    expect(nextFocus(tiles, 'd', 'End')).toBe('f');
    expect(nextFocus(tiles, 'zz', 'ArrowDown')).toBe('a');
  });
});
