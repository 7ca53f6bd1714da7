import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cocoThings } from '../../bench/vision-objects.js';
import { tagsFromObjects } from '../../src/core/tags/tags.js';

const box = { x: 0, y: 0, width: 0.5, height: 0.5 };

describe('tags from the things found', () => {
  it('makes one tag per name at its best box, most confident first', () => {
    assert.deepEqual(
      tagsFromObjects([
        { name: 'dog', confidence: 0.45, box },
        { name: 'person', confidence: 0.7, box },
        { name: 'dog', confidence: 0.61, box },
        { name: 'dog', confidence: 0.5, box },
      ]),
      [
        { name: 'person', confidence: 0.7 },
        { name: 'dog', confidence: 0.61 },
      ],
    );
    assert.deepEqual(tagsFromObjects([]), []);
  });
});

describe('the benchmark reads the labels of the vision corpus', () => {
  it('takes the COCO things, with alternatives, and drops remarks and counts', () => {
    assert.deepEqual(
      cocoThings(
        'coco=sandwich (burger), dining table, cup/bowl (partial); scene=food, restaurant',
      ),
      [['sandwich'], ['dining table'], ['cup', 'bowl']],
    );
    assert.deepEqual(cocoThings('coco=bicycle x2, person x2; faces=2 (unlabelled adults)'), [
      ['bicycle'],
      ['person'],
    ]);
    assert.deepEqual(cocoThings('scene=bakery, food (bread, pastries); coco=(none reliable)'), []);
    assert.deepEqual(cocoThings('scene=beach, palm tree, sea'), []);
  });
});
