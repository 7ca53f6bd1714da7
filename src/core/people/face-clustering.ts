/*
 * Grouping faces into people, as plain functions over embeddings (no I/O): the faces step calls
 * `personForNewFace` for each face it finds, and the batch job calls `clusterUnassigned` over the
 * faces still without a person. The algorithm and its measurements: [Note: Grouping faces].
 *
 * PLACEHOLDER (foundation commit): a plain nearest-neighbour rule, to be replaced by the measured
 * algorithm with the same signatures.
 */

export interface FaceVector {
  id: string;
  /** Unit length; cosine distance = 1 - dot product. */
  embedding: Float32Array;
  personId: string | null;
}

export interface ClusteringOptions {
  /** Cosine distance under which two faces may be the same person. */
  maxDistance: number;
  /** Faces a new person needs before the batch creates it. */
  minFaces: number;
}

export const DEFAULT_CLUSTERING: ClusteringOptions = { maxDistance: 0.5, minFaces: 3 };

export interface ClusteringResult {
  /** Faces that join an existing person. */
  joins: { faceId: string; personId: string }[];
  /** Groups of unassigned faces, each to become a new person. */
  newPeople: string[][];
}

export function cosineDistance(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return 1 - dot;
}

/** The person a newly found face belongs to, among faces already assigned; null: nobody yet. */
export function personForNewFace(
  face: Pick<FaceVector, 'embedding'>,
  assigned: readonly FaceVector[],
  options: ClusteringOptions = DEFAULT_CLUSTERING,
): string | null {
  let best: { personId: string; distance: number } | undefined;
  for (const other of assigned) {
    if (!other.personId) continue;
    const distance = cosineDistance(face.embedding, other.embedding);
    if (distance <= options.maxDistance && (!best || distance < best.distance))
      best = { personId: other.personId, distance };
  }
  return best?.personId ?? null;
}

/** Groups the faces without a person: some join existing people, some form new ones. */
export function clusterUnassigned(
  unassigned: readonly FaceVector[],
  assigned: readonly FaceVector[],
  options: ClusteringOptions = DEFAULT_CLUSTERING,
): ClusteringResult {
  const joins: ClusteringResult['joins'] = [];
  const rest: FaceVector[] = [];
  for (const face of unassigned) {
    const personId = personForNewFace(face, assigned, options);
    if (personId) joins.push({ faceId: face.id, personId });
    else rest.push(face);
  }
  const groups: FaceVector[][] = [];
  for (const face of rest) {
    const group = groups.find((g) =>
      g.every((other) => cosineDistance(face.embedding, other.embedding) <= options.maxDistance),
    );
    if (group) group.push(face);
    else groups.push([face]);
  }
  return {
    joins,
    newPeople: groups.filter((g) => g.length >= options.minFaces).map((g) => g.map((f) => f.id)),
  };
}
