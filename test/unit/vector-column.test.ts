import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  vectorFromColumn,
  vectorToColumn,
} from '../../src/adapters/db/repositories/vector-column.js';

describe('vector column', () => {
  it('stores a vector as text and reads back the same floats', () => {
    const vector = Float32Array.from({ length: 1024 }, (_, i) => Math.sin(i) / 7);
    const text = vectorToColumn(vector);
    assert.equal(typeof text, 'string');
    assert.deepEqual(vectorFromColumn(text), vector);
    // A view into a larger buffer is stored as the view alone.
    const view = new Float32Array(vector.buffer, 8, 4);
    assert.deepEqual(vectorFromColumn(vectorToColumn(view)), view);
  });
});
