import { cosineDistance } from '../src/core/people/face-clustering.js';

/*
 * Immich's face grouping, the baseline of bench/vision-faces.ts, reproduced over in-memory
 * embeddings (benchmark code only). Matched against immich-app/immich:
 * - server/src/services/person.service.ts @ 003b40b826a61122996002316eeedde414e73ff6,
 *   handleQueueRecognizeFaces (every face without a person is queued, in the order the faces were
 *   created) and handleRecognizeFaces (the rule below);
 * - server/src/repositories/search.repository.ts @ 017478c39cdf9a8c6dbdb259fdf0edb8c9c77650,
 *   searchFaces: the `numResults` nearest faces of the owner (the face itself included, with or
 *   without a person unless `hasPerson`), ordered by distance, then those within `maxDistance`.
 * Defaults as in Immich's system config: maxDistance 0.5 (cosine), minFaces 3.
 *
 * For each queued face (skipped if it has a person by now):
 *   matches = searchFaces(numResults: minFaces)
 *   if minFaces > 1 and matches.length <= 1: skipped for good (only itself)
 *   isCore = matches.length >= minFaces
 *   if !isCore and not yet deferred: queued again at the end, deferred
 *   personId = the first match with a person, else the nearest face with a person within
 *              maxDistance (searchFaces numResults 1, hasPerson)
 *   if isCore and no personId: a new person
 *   if personId: the face joins it
 * Exact search stands in for Immich's vector index (vchordrq probes); a job queue with one worker
 * is modelled, which is Immich's default concurrency for facial recognition.
 */
export interface ImmichOptions {
  maxDistance: number;
  minFaces: number;
}

export const IMMICH_DEFAULTS: ImmichOptions = { maxDistance: 0.5, minFaces: 3 };

/** Person (a number) per face, in the faces' order; null: no person. `faces` in creation order. */
export function immichFaceClustering(
  faces: readonly Float32Array[],
  options: ImmichOptions = IMMICH_DEFAULTS,
): (number | null)[] {
  const n = faces.length;
  const distance = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 0 : cosineDistance(faces[i]!, faces[j]!))),
  );
  const person: (number | null)[] = new Array<number | null>(n).fill(null);
  let people = 0;
  const byDistance = (i: number) =>
    Array.from({ length: n }, (_, j) => j).sort(
      (a, b) => distance[i]![a]! - distance[i]![b]! || a - b,
    );
  const queue: { id: number; deferred: boolean }[] = Array.from({ length: n }, (_, id) => ({
    id,
    deferred: false,
  }));
  for (let q = 0; q < queue.length; q++) {
    const { id, deferred } = queue[q]!;
    if (person[id] !== null) continue;
    const nearest = byDistance(id);
    const matches = nearest
      .slice(0, options.minFaces)
      .filter((j) => distance[id]![j]! <= options.maxDistance);
    if (options.minFaces > 1 && matches.length <= 1) continue;
    const isCore = matches.length >= options.minFaces;
    if (!isCore && !deferred) {
      queue.push({ id, deferred: true });
      continue;
    }
    let personId = matches.map((j) => person[j]!).find((p) => p !== null) ?? null;
    if (personId === null) {
      const withPerson = nearest.find((j) => person[j] !== null);
      if (withPerson !== undefined && distance[id]![withPerson]! <= options.maxDistance)
        personId = person[withPerson]!;
    }
    if (isCore && personId === null) personId = people++;
    if (personId !== null) person[id] = personId;
  }
  return person;
}
