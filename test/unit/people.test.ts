import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { overlap } from '../../src/core/people/face-recorder.js';
import type { Person } from '../../src/core/people/people-repository.js';
import { sortPeople } from '../../src/core/people/people-service.js';

const person = (id: string, name: string, assetCount: number): Person => ({
  id,
  ownerId: 'o',
  name,
  hidden: false,
  birthDate: null,
  featureFaceId: null,
  faceCount: assetCount,
  assetCount,
  coverFaceId: null,
});

describe('people', () => {
  it('lists named people first, then by size', () => {
    const sorted = sortPeople([
      person('1', '', 50),
      person('2', 'Zoe', 2),
      person('3', 'Adam', 2),
      person('4', 'Bea', 9),
      person('5', '', 70),
    ]);
    assert.deepEqual(
      sorted.map((p) => p.id),
      ['4', '3', '2', '5', '1'],
    );
  });

  it('measures how much two boxes overlap (IoU)', () => {
    const box = { x: 0.1, y: 0.1, width: 0.2, height: 0.2 };
    assert.ok(Math.abs(overlap(box, box) - 1) < 1e-9);
    assert.equal(overlap(box, { x: 0.5, y: 0.5, width: 0.2, height: 0.2 }), 0);
    const half = overlap(box, { x: 0.2, y: 0.1, width: 0.2, height: 0.2 });
    assert.ok(Math.abs(half - 1 / 3) < 1e-9, String(half));
  });
});
