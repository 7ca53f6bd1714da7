import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  clusterUnassigned,
  cosineDistance,
  DEFAULT_CLUSTERING,
  linkedFaces,
  personForNewFace,
  type FaceVector,
} from '../../src/core/people/face-clustering.js';

const DIMENSIONS = 8;

/** A vector in the plane of axes `x` and `y`, `degrees` from `x`: cosine distances by angle. */
function at(degrees: number, x = 0, y = 1, length = 1): Float32Array {
  const v = new Float32Array(DIMENSIONS);
  const r = (degrees * Math.PI) / 180;
  v[x] = Math.cos(r) * length;
  v[y] = Math.sin(r) * length;
  return v;
}

/** The angle whose cosine distance is `d`. */
const degreesFor = (d: number) => (Math.acos(1 - d) * 180) / Math.PI;

const face = (id: string, embedding: Float32Array, personId: string | null = null): FaceVector => ({
  id,
  embedding,
  personId,
});

const sorted = (groups: string[][]) => groups.map((g) => [...g].sort()).sort();

describe('face clustering', () => {
  it('measures cosine distance whatever the vectors’ length', () => {
    assert.ok(Math.abs(cosineDistance(at(0, 0, 1, 13), at(0)) - 0) < 1e-6);
    assert.ok(Math.abs(cosineDistance(at(0), at(90, 0, 1, 7)) - 1) < 1e-6);
    assert.ok(Math.abs(cosineDistance(at(0), at(180)) - 2) < 1e-6);
  });

  it('makes two people of two tight groups, and none of a far face', () => {
    const faces = [
      face('a1', at(0, 0, 1, 12)),
      face('a2', at(5, 0, 1, 14)),
      face('a3', at(-5)),
      face('b1', at(0, 2, 3)),
      face('b2', at(6, 2, 3)),
      face('outlier', at(0, 4, 5)),
    ];
    const { joins, newPeople } = clusterUnassigned(faces, []);
    assert.deepEqual(joins, []);
    assert.deepEqual(sorted(newPeople), [
      ['a1', 'a2', 'a3'],
      ['b1', 'b2'],
    ]);
  });

  it('does not chain A~B~C into one person when A and C are far apart', () => {
    // A to B and B to C: 0.2 each (under the cut); A to C: 0.72.
    const step = degreesFor(0.2);
    const faces = [face('A', at(0)), face('B', at(step)), face('C', at(2 * step))];
    const { newPeople } = clusterUnassigned(faces, []);
    assert.equal(newPeople.length, 1);
    assert.equal(newPeople[0]!.length, 2);
    assert.ok(!(newPeople[0]!.includes('A') && newPeople[0]!.includes('C')));
  });

  it('does not let a chain of faces join a person through its nearest end', () => {
    const step = degreesFor(0.15);
    const person = [face('p1', at(0), 'P'), face('p2', at(2), 'P')];
    const chain = [1, 2, 3, 4].map((k) => face(`c${k}`, at(k * step + 2)));
    const { joins } = clusterUnassigned(chain, person);
    const joined = joins.map((j) => j.faceId);
    assert.ok(joined.length <= 1, `joined: ${joined.join(', ')}`);
    assert.ok(!joined.includes('c3') && !joined.includes('c4'));
  });

  it('needs minFaces faces for a new person', () => {
    const faces = [face('a1', at(0)), face('a2', at(4))];
    assert.deepEqual(clusterUnassigned(faces, [], { ...DEFAULT_CLUSTERING, minFaces: 3 }), {
      joins: [],
      newPeople: [],
    });
    assert.deepEqual(sorted(clusterUnassigned(faces, []).newPeople), [['a1', 'a2']]);
  });

  it('lets faces join existing people in the batch, and never merges two people', () => {
    const assigned = [
      face('p1', at(0), 'P'),
      face('p2', at(4), 'P'),
      face('q1', at(0, 2, 3), 'Q'),
      face('q2', at(4, 2, 3), 'Q'),
    ];
    const unassigned = [
      face('new-p', at(2)),
      face('new-q', at(2, 2, 3)),
      face('nobody', at(0, 6, 7)),
    ];
    const { joins, newPeople } = clusterUnassigned(unassigned, assigned);
    assert.deepEqual(
      joins.sort((a, b) => a.faceId.localeCompare(b.faceId)),
      [
        { faceId: 'new-p', personId: 'P' },
        { faceId: 'new-q', personId: 'Q' },
      ],
    );
    assert.deepEqual(newPeople, []);

    // Two people near each other, and a face between them: it joins neither, and they stay two.
    const near = [face('r1', at(0), 'R'), face('s1', at(10), 'S')];
    const between = clusterUnassigned([face('x', at(5))], near);
    assert.deepEqual(between, { joins: [], newPeople: [] });
  });

  it('gives a new face to the right person, and to nobody when too far or ambiguous', () => {
    const assigned = [
      face('p1', at(0), 'P'),
      face('p2', at(3), 'P'),
      face('q1', at(0, 2, 3), 'Q'),
      face('q2', at(3, 2, 3), 'Q'),
      face('r1', at(40, 4, 5), 'R'),
      face('s1', at(50, 4, 5), 'S'),
    ];
    assert.equal(personForNewFace({ embedding: at(1, 0, 1, 9) }, assigned), 'P');
    assert.equal(personForNewFace({ embedding: at(2, 2, 3) }, assigned), 'Q');
    // Too far: 0.3 from P.
    assert.equal(personForNewFace({ embedding: at(degreesFor(0.3) + 3) }, assigned), null);
    // As near to R as to S.
    assert.equal(personForNewFace({ embedding: at(45, 4, 5) }, assigned), null);
    assert.equal(personForNewFace({ embedding: at(0) }, []), null);
  });

  it('picks out the faces linked to new ones by chains within the cut, and no others', () => {
    // s~a (0.1), a~b (0.2): linked through a though b is 0.55 from s; c is 0.25 from b; d elsewhere.
    const unassigned = [
      face('a', at(degreesFor(0.1))),
      face('b', at(degreesFor(0.1) + degreesFor(0.2))),
      face('c', at(degreesFor(0.1) + degreesFor(0.2) + degreesFor(0.25))),
      face('d', at(0, 2, 3)),
      face('s', at(0)),
    ];
    const ids = (faces: FaceVector[]) => faces.map((f) => f.id).sort();
    assert.deepEqual(ids(linkedFaces([{ embedding: at(0) }], unassigned)), ['a', 'b', 's']);
    assert.deepEqual(ids(linkedFaces([{ embedding: at(0, 2, 3) }], unassigned)), ['d']);
    assert.deepEqual(linkedFaces([{ embedding: at(0, 4, 5) }], unassigned), []);
    assert.equal(
      linkedFaces([{ embedding: at(0) }], unassigned, { ...DEFAULT_CLUSTERING, maxBatch: 2 })
        .length,
      2,
    );
  });

  it('groups a new face with its linked faces as a batch over everything would', () => {
    // Strangers far from everything, and one pair that a new face completes into a person.
    // Strangers 40° apart (0.23, over the cut) in two planes of their own.
    const strangers = Array.from({ length: 18 }, (_, i) =>
      face(`x${i}`, at((i % 9) * 40, i < 9 ? 4 : 6, i < 9 ? 5 : 7)),
    );
    const pair = [face('p1', at(0)), face('p2', at(4))];
    const seed = face('p3', at(2));
    const all = [...strangers, ...pair, seed];
    const local = clusterUnassigned(linkedFaces([seed], all), []);
    assert.deepEqual(sorted(local.newPeople), [['p1', 'p2', 'p3']]);
    assert.deepEqual(sorted(local.newPeople), sorted(clusterUnassigned(all, []).newPeople));
  });
});
