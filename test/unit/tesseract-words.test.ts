import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isWorthKeeping, readTextOf } from '../../src/adapters/vision/tesseract-text-reader.js';
import type { TaskWord } from '../../src/adapters/vision/tesseract-text-task.js';

const word = (text: string, confidence: number, x0 = 0, y0 = 0, x1 = 10, y1 = 10): TaskWord => ({
  text,
  confidence,
  x0,
  y0,
  x1,
  y1,
});

describe('tesseract words: what is kept. See: [Note: Words worth keeping]', () => {
  it('keeps misread words, drops near-certain noise and lone low marks', () => {
    assert.equal(isWorthKeeping(word('Strafe', 13)), true); // "Straße", misread but half right
    assert.equal(isWorthKeeping(word('Sf', 5)), false);
    assert.equal(isWorthKeeping(word('=', 92)), true);
    assert.equal(isWorthKeeping(word('|', 58)), false);
    assert.equal(isWorthKeeping(word(' ', 95)), false);
  });

  it('makes lines of words and paragraphs of lines, with boxes as fractions', () => {
    const read = readTextOf({
      width: 200,
      height: 100,
      paragraphs: [
        [[word('Hello', 90, 10, 20, 60, 40), word('world', 85, 70, 20, 120, 40)], [word('--', 20)]],
        [[word('Bye', 95, 150, 80, 210, 100)]],
      ],
    });
    assert.equal(read.text, 'Hello world\n\nBye');
    assert.deepEqual(read.words[0], {
      text: 'Hello',
      box: { x: 0.05, y: 0.2, width: 0.25, height: 0.2 },
      confidence: 0.9,
    });
    // A box past the picture's edge is cut at it.
    assert.deepEqual(read.words[2]!.box, { x: 0.75, y: 0.8, width: 0.25, height: 0.2 });
  });
});
