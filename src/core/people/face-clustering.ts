/*
 * Grouping faces into people, as plain functions over embeddings (no I/O): the faces step calls
 * `personForNewFace` for each face it finds, and the batch job calls `clusterUnassigned` over the
 * faces still without a person. The algorithm and its measurements: [Note: Grouping faces].
 */

/*
 * [Note: Grouping faces]
 * What: average-linkage agglomerative clustering cut at a strict distance (0.22 cosine, for
 * human's FaceRes embeddings). An existing person is one more cluster that groups may join but
 * that never merges with another person (merging people is the user's call), and a join is
 * refused when a second person is almost as near (`ambiguityMargin`). A new face joins a person by
 * the same rule (`personForNewFace`): its mean distance to the person's nearest faces is under the
 * cut and the next person is clearly farther; otherwise it waits for the batch.
 *
 * Why not Immich's rule (a face with `minFaces` neighbours within 0.5 seeds a person or joins the
 * person of its nearest neighbour; bench/immich-face-clustering.ts): it links through single
 * faces, so two people become one as soon as one face of each is near one face of the other, and
 * every later face of either follows. FaceRes separates people less than Immich's own ArcFace
 * model: impostor pairs start at 0.21 (15 % of them under 0.5), genuine pairs have a median of 0.11
 * and 99 % are under 0.41. At 0.5 Immich's rule made 7 people of the 71 in the benchmark's tune
 * library (pairwise precision 0.02). A smaller radius alone does not save it (0.3 over all 259
 * faces: F1 0.34), because chains of single-face links still span people. Average linkage needs a group to be near the other group on average, so a
 * chain A~B~C with A and C far apart stops at {A, B}; merging the nearest pair first gives a face
 * to its nearest partner before a look-alike can take it. Merging two different people is worse
 * than splitting one (siblings): a split is one merge away in the UI, a wrong merge spreads into
 * every later photo; hence the strict cut.
 *
 * The cut was chosen on half of the London set's people (bench/vision-faces.ts "tune"): precision
 * is 1.00 for every cut from 0.20 to 0.24 with the same recall, and falls above (0.25: 0.93 when
 * faces arrive one by one, 0.27: 0.91, 0.30: 0.81); 0.22 is the middle of that plateau. The
 * held-out half, the corpus's other faces and the 41-photo corpus give precision 1.00 at 0.22
 * (figures in docs/benchmarks.md "Vision: faces"). The price is recall across looks: the same
 * woman in two sessions (other hair, light, distance) becomes two people (mean distance 0.29).
 * Two faces are enough for a new person (`minFaces` 2): at this cut a pair that are each other's
 * nearest was the same person in every case measured, and requiring three would leave everyone
 * photographed twice without a person.
 */

export interface FaceVector {
  id: string;
  /** Cosine distance is used, so the length does not matter (FaceRes's are not unit length). */
  embedding: Float32Array;
  personId: string | null;
}

export interface ClusteringOptions {
  /** Cosine distance (average linkage) under which faces or groups may be the same person. */
  maxDistance: number;
  /** Faces a new person needs before the batch creates it. */
  minFaces: number;
  /**
   * A face or group joins a person only when every other person is at least this much farther;
   * otherwise it stays unassigned (the user is asked "who is this?"). Default 0.03.
   */
  ambiguityMargin?: number;
  /**
   * A person's distance to a face is the mean over that person's nearest faces, at most this many
   * (a person photographed over decades is far on average from a new photo, near in its nearest
   * ones). Default 8.
   */
  personNeighbours?: number;
  /**
   * At most this many faces of a person are compared with a face, spread over the person's faces
   * in the order given (the work grows with people × faces). Default 64.
   */
  personSample?: number;
  /**
   * At most this many unassigned faces are grouped per `clusterUnassigned` call (its time and
   * memory grow with the square: about 3 s and 16 MB for 2000); the rest are left for the next
   * call. Default 2000.
   */
  maxBatch?: number;
}

export const DEFAULT_CLUSTERING: ClusteringOptions = {
  maxDistance: 0.22,
  minFaces: 2,
  ambiguityMargin: 0.03,
  personNeighbours: 8,
  personSample: 64,
  maxBatch: 2000,
};

export interface ClusteringResult {
  /** Faces that join an existing person. */
  joins: { faceId: string; personId: string }[];
  /** Groups of unassigned faces, each to become a new person. */
  newPeople: string[][];
}

export function cosineDistance(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    aa += a[i]! * a[i]!;
    bb += b[i]! * b[i]!;
  }
  return aa === 0 || bb === 0 ? 1 : 1 - dot / Math.sqrt(aa * bb);
}

function unit(v: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i]! * scale;
  return out;
}

/** 1 - a·b for unit vectors; four sums in the loop run about twice as fast in V8. */
function unitDistance(a: Float32Array, b: Float32Array): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n = Math.min(a.length, b.length);
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]! * b[i]!;
    s1 += a[i + 1]! * b[i + 1]!;
    s2 += a[i + 2]! * b[i + 2]!;
    s3 += a[i + 3]! * b[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]! * b[i]!;
  return 1 - (s0 + s1 + s2 + s3);
}

function settings(options: ClusteringOptions) {
  return {
    cut: options.maxDistance,
    minFaces: Math.max(1, options.minFaces),
    margin: options.ambiguityMargin ?? 0.03,
    neighbours: Math.max(1, options.personNeighbours ?? 8),
    sample: Math.max(1, options.personSample ?? 64),
    maxBatch: Math.max(1, options.maxBatch ?? 2000),
  };
}

/** The assigned faces by person (at most `sample` each, spread evenly), unit length. */
function peopleOf(assigned: readonly FaceVector[], sample: number): Map<string, Float32Array[]> {
  const byPerson = new Map<string, FaceVector[]>();
  for (const face of assigned) {
    if (!face.personId) continue;
    let faces = byPerson.get(face.personId);
    if (!faces) byPerson.set(face.personId, (faces = []));
    faces.push(face);
  }
  const people = new Map<string, Float32Array[]>();
  for (const [personId, faces] of byPerson) {
    const step = Math.max(1, faces.length / sample);
    const picked: Float32Array[] = [];
    for (
      let i = 0;
      i < faces.length && picked.length < sample;
      i = Math.floor(picked.length * step)
    )
      picked.push(unit(faces[i]!.embedding));
    people.set(personId, picked);
  }
  return people;
}

/** Mean distance from `face` to the person's `neighbours` nearest faces. */
function personDistance(face: Float32Array, faces: Float32Array[], neighbours: number): number {
  const distances = faces.map((other) => unitDistance(face, other));
  if (distances.length > neighbours) distances.sort((a, b) => a - b).length = neighbours;
  return distances.reduce((sum, d) => sum + d, 0) / distances.length;
}

/** The person a newly found face belongs to, among faces already assigned; null: nobody yet. */
export function personForNewFace(
  face: Pick<FaceVector, 'embedding'>,
  assigned: readonly FaceVector[],
  options: ClusteringOptions = DEFAULT_CLUSTERING,
): string | null {
  const { cut, margin, neighbours, sample } = settings(options);
  const embedding = unit(face.embedding);
  let best: { personId: string; distance: number } | undefined;
  let second = Infinity;
  for (const [personId, faces] of peopleOf(assigned, sample)) {
    const distance = personDistance(embedding, faces, neighbours);
    if (!best || distance < best.distance) {
      if (best) second = best.distance;
      best = { personId, distance };
    } else if (distance < second) second = distance;
  }
  if (!best || best.distance > cut || second - best.distance < margin) return null;
  return best.personId;
}

/**
 * The faces of `unassigned` linked to a seed by a chain of faces each within the cut of the next:
 * the only ones a batch over all of `unassigned` could put in a group with a seed, since average
 * linkage joins two groups only when some pair across them is within the cut. Grouping just these
 * after a photo keeps its cost in line with the faces near it (strangers photographed once pile up
 * unassigned by the thousand) rather than with the square of all of them. Seeds that are
 * themselves in `unassigned` are included; at most `maxBatch` faces are answered.
 */
export function linkedFaces(
  seeds: readonly Pick<FaceVector, 'embedding'>[],
  unassigned: readonly FaceVector[],
  options: ClusteringOptions = DEFAULT_CLUSTERING,
): FaceVector[] {
  const { cut, maxBatch } = settings(options);
  const rest = unassigned.map((face) => ({ face, v: unit(face.embedding) }));
  const taken = new Array<boolean>(rest.length).fill(false);
  const linked: FaceVector[] = [];
  const frontier = seeds.map((seed) => unit(seed.embedding));
  while (frontier.length > 0 && linked.length < maxBatch) {
    const v = frontier.pop()!;
    for (let i = 0; i < rest.length && linked.length < maxBatch; i++) {
      if (taken[i] || unitDistance(v, rest[i]!.v) > cut) continue;
      taken[i] = true;
      linked.push(rest[i]!.face);
      frontier.push(rest[i]!.v);
    }
  }
  return linked;
}

/**
 * Groups the faces without a person: some join existing people, some form new ones, the rest
 * stay unassigned. See: [Note: Grouping faces].
 */
export function clusterUnassigned(
  unassigned: readonly FaceVector[],
  assigned: readonly FaceVector[],
  options: ClusteringOptions = DEFAULT_CLUSTERING,
): ClusteringResult {
  const { cut, minFaces, margin, neighbours, sample, maxBatch } = settings(options);
  const faces = unassigned.slice(0, maxBatch).map((f) => ({ id: f.id, v: unit(f.embedding) }));
  const people = [...peopleOf(assigned, sample)];

  // Each face's distance to each person; a person no face is near cannot take part.
  const toPerson = faces.map(({ v }) => people.map(([, pf]) => personDistance(v, pf, neighbours)));
  const nearPeople = people.map((_, p) => p).filter((p) => toPerson.some((row) => row[p]! <= cut));

  // Nodes: the faces, then the people near some face.
  const n = faces.length;
  const m = n + nearPeople.length;
  const D = new Float32Array(m * m).fill(Infinity);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++)
      D[a * m + b] = D[b * m + a] = unitDistance(faces[a]!.v, faces[b]!.v);
    nearPeople.forEach((p, k) => {
      D[a * m + n + k] = D[(n + k) * m + a] = toPerson[a]![p]!;
    });
  }
  // Person-to-person stays Infinity: the batch never merges two people (the user can).
  const person: (number | null)[] = Array.from({ length: m }, (_, i) => (i < n ? null : i - n));
  const weight = Array.from({ length: m }, (_, i) =>
    i < n ? 1 : Math.min(people[nearPeople[i - n]!]![1].length, neighbours),
  );
  const members: number[][] = Array.from({ length: m }, (_, i) => (i < n ? [i] : []));
  const alive = new Array<boolean>(m).fill(true);
  const nn = new Int32Array(m);
  const nnd = new Float32Array(m);
  // Group-person pairs refused as ambiguous; their distance still counts as "another person".
  const refused = new Set<number>();
  const refresh = (i: number) => {
    nn[i] = -1;
    nnd[i] = Infinity;
    for (let k = 0; k < m; k++)
      if (k !== i && alive[k] && D[i * m + k]! < nnd[i]! && !refused.has(i * m + k)) {
        nnd[i] = D[i * m + k]!;
        nn[i] = k;
      }
  };
  for (let i = 0; i < m; i++) refresh(i);

  for (;;) {
    let a = -1;
    for (let i = 0; i < m; i++) if (alive[i] && (a < 0 || nnd[i]! < nnd[a]!)) a = i;
    if (a < 0 || !(nnd[a]! <= cut)) break;
    const b = nn[a]!;
    const distance = nnd[a]!;
    if ((person[a] === null) !== (person[b] === null)) {
      // A group joining a person: refused when another person is almost as near.
      const group = person[a] === null ? a : b;
      let second = Infinity;
      for (let k = 0; k < m; k++)
        if (alive[k] && k !== a && k !== b && person[k] !== null)
          second = Math.min(second, D[group * m + k]!);
      if (second - distance < margin) {
        refused.add(a * m + b).add(b * m + a);
        refresh(a);
        refresh(b);
        continue;
      }
    }
    // Merge b into a; average linkage by Lance-Williams.
    const [wa, wb] = [weight[a]!, weight[b]!];
    for (let k = 0; k < m; k++) {
      if (!alive[k] || k === a || k === b) continue;
      const merged = (wa * D[a * m + k]! + wb * D[b * m + k]!) / (wa + wb);
      const bothPeople = (person[a] ?? person[b]) !== null && person[k] !== null;
      D[a * m + k] = D[k * m + a] = bothPeople ? Infinity : merged;
    }
    weight[a] = wa + wb;
    person[a] = person[a] ?? person[b]!;
    members[a]!.push(...members[b]!);
    alive[b] = false;
    for (let k = 0; k < m; k++) {
      if (!alive[k]) continue;
      if (k === a || nn[k] === a || nn[k] === b) refresh(k);
      else if (D[k * m + a]! < nnd[k]! && !refused.has(k * m + a)) {
        nnd[k] = D[k * m + a]!;
        nn[k] = a;
      }
    }
  }

  const result: ClusteringResult = { joins: [], newPeople: [] };
  for (let i = 0; i < m; i++) {
    if (!alive[i]) continue;
    const ids = members[i]!.map((k) => faces[k]!.id);
    const p = person[i];
    if (p !== null && p !== undefined)
      for (const faceId of ids) result.joins.push({ faceId, personId: people[nearPeople[p]!]![0] });
    else if (ids.length >= minFaces) result.newPeople.push(ids);
  }
  return result;
}
