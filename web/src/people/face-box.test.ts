import { describe, expect, it } from 'vitest';
import { boxStyle, clampBox, cropStyle } from './face-box';

describe('face boxes', () => {
  it('places a box in percentages of the picture', () => {
    expect(boxStyle({ x: 0.25, y: 0.1, width: 0.5, height: 0.2 })).toEqual({
      left: '25%',
      top: '10%',
      width: '50%',
      height: '20%',
    });
  });

  it('keeps a box that reaches past an edge inside the picture', () => {
    expect(clampBox({ x: -0.1, y: 0.9, width: 0.3, height: 0.2 })).toEqual({
      x: 0,
      y: 0.9,
      width: expect.closeTo(0.2, 9) as number,
      height: expect.closeTo(0.1, 9) as number,
    });
  });

  it('crops the face out of the whole picture', () => {
    // A box a quarter wide and half high at (0.5, 0.25): the picture four times the element's
    // width and twice its height, its 2/3 and 1/2 points on the element's.
    expect(cropStyle({ x: 0.5, y: 0.25, width: 0.25, height: 0.5 })).toEqual({
      backgroundSize: '400% 200%',
      backgroundPosition: '66.667% 50%',
    });
    expect(cropStyle({ x: 0, y: 0, width: 1, height: 1 }).backgroundPosition).toBe('0% 0%');
  });
});
