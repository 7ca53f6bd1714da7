import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../src/config.js';
import {
  clusterUnassigned,
  linkedFaces,
  DEFAULT_CLUSTERING,
  personForNewFace,
  type ClusteringOptions,
  type FaceVector,
} from '../src/core/people/face-clustering.js';
import { IMMICH_DEFAULTS, immichFaceClustering } from './immich-face-clustering.js';
import { median, WORK } from './lib.js';
import {
  corpusEntries,
  embedPhotos,
  type CorpusPhoto,
  type PhotoEntry,
} from './vision-faces-embed.js';

/*
 * Faces: Keepsake's grouping (src/core/people/face-clustering.ts) beside Immich's
 * (immich-face-clustering.ts) on the same FaceRes embeddings of the same photos, scored by
 * pairwise precision, recall and F1 against the labelled identities: a pair of faces counts as
 * grouped when both have the same person; a face without a person is alone.
 *
 * Libraries, each clustered on its own as one user's photos:
 * - corpus: ../shared/vision-corpus/faces (41 photos) in MANIFEST order;
 * - when bench/.work/webmorph-stim/inst holds debruine/webmorphR.stim@fa8b78f's neutral_front,
 *   smiling_front and canada folders (CC BY 4.0; `git archive` of that repository; the bench never
 *   downloads), the whole London set (102 people × 2 photos) and the Canada set (40 people × 1) as
 *   two libraries: "tune" (the first 51 London people and 20 Canada ones; the cut was chosen on it)
 *   and "held-out" (the rest, plus the corpus's faces other than London's: Lisa DeBruine × 8, the
 *   group photos and the single strangers). Upload order is shuffled (5 seeds, mean shown).
 * Keepsake runs as the product runs it: each face through personForNewFace as its photo arrives,
 * then, when one of its faces found nobody, clusterUnassigned over the faces left that are linked
 * to the photo's (linkedFaces) ("incremental"), and
 * clusterUnassigned over the whole library at once ("batch"). Immich runs its batch job.
 */
const WEBMORPH = join(WORK, 'webmorph-stim', 'inst');
const SEEDS = [1, 2, 3, 4, 5];

type Row = [figure: string, keepsake: string, baseline: string, verdict: string];

export interface LabelledFace {
  photo: string;
  /** The labelled identity, or a name of its own where the face is nobody else. */
  identity: string;
  embedding: Float32Array;
}

interface Library {
  name: string;
  photos: { file: string; faces: LabelledFace[] }[];
}

interface Scores {
  precision: number;
  recall: number;
  f1: number;
  people: number;
}

/** Faces the product keeps (config's score and size floors), labelled from MANIFEST's labels. */
export function labelledFaces(photo: CorpusPhoto): LabelledFace[] {
  const { faceMinScore, faceMinPixels } = loadConfig({}).vision;
  const kept = photo.faces.filter(
    (f) => f.boxScore >= faceMinScore && Math.min(f.box[2], f.box[3]) >= faceMinPixels,
  );
  const own = (i: number) => `${photo.file}#${i}`;
  const identity = /(?:^|; )identity=([\w-]+)/.exec(photo.labels)?.[1];
  const names = /identities left-to-right=([^;]+)/
    .exec(photo.labels)?.[1]
    ?.split(',')
    .map((s) => s.trim());
  let identities: string[];
  if (identity) {
    // One person's photo: the largest face is theirs, any other is a stranger.
    const largest = kept.reduce((best, f, i) => (f.box[2] > kept[best]!.box[2] ? i : best), 0);
    identities = kept.map((_, i) => (i === largest ? identity : own(i)));
  } else if (names && names.length === kept.length) {
    const order = kept.map((f, i) => ({ x: f.box[0], i })).sort((a, b) => a.x - b.x);
    identities = new Array<string>(kept.length);
    order.forEach(({ i }, rank) => (identities[i] = names[rank]!));
  } else {
    // A group whose faces cannot be told apart by position, or a photo of nobody: in this corpus
    // such a face is nobody else's, so it must stay alone.
    identities = kept.map((_, i) => own(i));
  }
  return kept.map((f, i) => ({
    photo: photo.file,
    identity: identities[i]!,
    embedding: Float32Array.from(f.embedding),
  }));
}

export function pairScores(
  identities: readonly string[],
  people: readonly (string | number | null)[],
) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < identities.length; i++)
    for (let j = i + 1; j < identities.length; j++) {
      const same = identities[i] === identities[j];
      const grouped = people[i] !== null && people[i] === people[j];
      if (same && grouped) tp++;
      else if (grouped) fp++;
      else if (same) fn++;
    }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, people: new Set(people.filter((p) => p !== null)).size };
}

function immich(library: Library): Scores {
  const faces = library.photos.flatMap((p) => p.faces);
  const people = immichFaceClustering(
    faces.map((f) => f.embedding),
    IMMICH_DEFAULTS,
  );
  return pairScores(
    faces.map((f) => f.identity),
    people,
  );
}

function keepsakeBatch(library: Library, options: ClusteringOptions): Scores {
  const faces = library.photos.flatMap((p) => p.faces);
  const vectors = faces.map((f, i) => ({ id: String(i), embedding: f.embedding, personId: null }));
  const { newPeople } = clusterUnassigned(vectors, [], options);
  const people = new Array<number | null>(faces.length).fill(null);
  newPeople.forEach((ids, p) => ids.forEach((id) => (people[Number(id)] = p)));
  return pairScores(
    faces.map((f) => f.identity),
    people,
  );
}

/** As the product runs: each face on arrival, then the batch over what is left now and then. */
function keepsakeIncremental(library: Library, options: ClusteringOptions): Scores {
  const assigned: FaceVector[] = [];
  let unassigned: FaceVector[] = [];
  const identities = new Map<string, string>();
  let people = 0;
  const batch = (found: readonly FaceVector[]) => {
    const near = linkedFaces(found, unassigned, options);
    const { joins, newPeople } = clusterUnassigned(near, assigned, options);
    const placed = new Map<string, string>(joins.map((j) => [j.faceId, j.personId]));
    for (const ids of newPeople) {
      const personId = `p${people++}`;
      for (const id of ids) placed.set(id, personId);
    }
    for (const face of unassigned)
      if (placed.has(face.id)) assigned.push({ ...face, personId: placed.get(face.id)! });
    unassigned = unassigned.filter((f) => !placed.has(f.id));
  };
  for (const photo of library.photos) {
    const found: FaceVector[] = [];
    for (const face of photo.faces) {
      const id = `f${identities.size}`;
      identities.set(id, face.identity);
      const vector = { id, embedding: face.embedding, personId: null };
      const personId = personForNewFace(vector, assigned, options);
      found.push(vector);
      if (personId) assigned.push({ ...vector, personId });
      else unassigned.push(vector);
    }
    // As FaceRecorder: the batch over the faces linked to this photo's, when one found nobody.
    if (found.some((face) => unassigned.includes(face))) batch(found);
  }
  const personOf = new Map(assigned.map((f) => [f.id, f.personId]));
  const ids = [...identities.keys()];
  return pairScores(
    ids.map((id) => identities.get(id)!),
    ids.map((id) => personOf.get(id) ?? null),
  );
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  // mulberry32: the same order on every machine.
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function mean(runs: Scores[]): Scores {
  const avg = (key: keyof Scores) => runs.reduce((s, r) => s + r[key], 0) / runs.length;
  return {
    precision: avg('precision'),
    recall: avg('recall'),
    f1: avg('f1'),
    people: avg('people'),
  };
}

export interface FacesReport {
  table: string;
  rows: Row[];
  notes: string[];
}

export async function measureFaces(
  options: ClusteringOptions = DEFAULT_CLUSTERING,
  log = console.log,
): Promise<FacesReport> {
  const corpusPhotos = await embedPhotos(corpusEntries(), log);
  const corpus: Library = {
    name: 'corpus (41 photos)',
    photos: corpusPhotos.map((p) => ({ file: p.file, faces: labelledFaces(p) })),
  };
  const libraries: { library: Library; shuffle: boolean }[] = [{ library: corpus, shuffle: false }];
  const notes: string[] = [];

  if (existsSync(WEBMORPH)) {
    const entries: PhotoEntry[] = [];
    for (const [folder, kind] of [
      ['neutral_front', 'london'],
      ['smiling_front', 'london'],
      ['canada', 'canada'],
    ] as const)
      // Not macOS's "._" companions an archive may carry along.
      for (const file of readdirSync(join(WEBMORPH, folder)).filter(
        (f) => f.endsWith('.jpg') && !f.startsWith('.'),
      ))
        entries.push({
          path: join(WEBMORPH, folder, file),
          file: `${folder}/${file}`,
          labels: `identity=${kind}_${kind === 'london' ? file.slice(0, 3) : file.slice(0, 4)}`,
        });
    const extra = (await embedPhotos(entries, log)).map((p) => ({
      file: p.file,
      faces: labelledFaces(p),
    }));
    const idsOf = (prefix: string) =>
      [...new Set(extra.flatMap((p) => p.faces.map((f) => f.identity)))]
        .filter((id) => id.startsWith(prefix))
        .sort();
    const london = idsOf('london_');
    const canada = idsOf('canada_');
    const tuneIds = new Set([...london.slice(0, 51), ...canada.slice(0, 20)]);
    const inTune = (p: { faces: LabelledFace[] }) => p.faces.some((f) => tuneIds.has(f.identity));
    libraries.push({
      library: { name: 'tune (51 + 20 people)', photos: extra.filter(inTune) },
      shuffle: true,
    });
    libraries.push({
      library: {
        name: 'held-out (51 + 20 people + corpus)',
        photos: [
          ...extra.filter((p) => !inTune(p)),
          ...corpus.photos.filter((p) => !p.file.startsWith('london_')),
        ],
      },
      shuffle: true,
    });
  } else {
    notes.push(
      'faces: only the corpus was measured; for the 102-person London set, `git archive` ' +
        'debruine/webmorphR.stim@fa8b78f inst/neutral_front inst/smiling_front inst/canada into ' +
        'bench/.work/webmorph-stim',
    );
  }

  const lines: string[] = [
    '| library | faces | algorithm | pairs P | R | F1 | people formed |',
    '|---|---|---|---|---|---|---|',
  ];
  const rows: Row[] = [];
  const fmt = (s: Scores) =>
    `${s.precision.toFixed(3)} | ${s.recall.toFixed(3)} | ${s.f1.toFixed(3)} | ` +
    `${Number.isInteger(s.people) ? s.people : s.people.toFixed(1)}`;
  for (const { library, shuffle } of libraries) {
    const orders = shuffle
      ? SEEDS.map((seed) => ({ ...library, photos: shuffled(library.photos, seed) }))
      : [library];
    const faces = library.photos.reduce((sum, p) => sum + p.faces.length, 0);
    const im = mean(orders.map(immich));
    const inc = mean(orders.map((l) => keepsakeIncremental(l, options)));
    const batch = keepsakeBatch(library, options);
    lines.push(`| ${library.name} | ${faces} | Immich (0.5, minFaces 3) | ${fmt(im)} |`);
    lines.push(`| | | Keepsake, incremental | ${fmt(inc)} |`);
    lines.push(`| | | Keepsake, batch | ${fmt(batch)} |`);
    const ok = inc.f1 >= im.f1 + 0.05 && inc.precision >= 0.95;
    rows.push([
      `faces: pairwise F1 (P), ${library.name}`,
      `${inc.f1.toFixed(2)} (${inc.precision.toFixed(2)})`,
      `${im.f1.toFixed(2)} (${im.precision.toFixed(2)}) Immich`,
      ok ? 'ok: F1 ≥ Immich + 0.05, P ≥ 0.95' : 'MISSED: target F1 ≥ Immich + 0.05 and P ≥ 0.95',
    ]);
  }

  // Faces found in the group photos, and where there are none.
  const found = (file: string) => corpus.photos.find((p) => p.file === file)?.faces.length ?? 0;
  const expected = (file: string) =>
    Number(/faces=(\d+)/.exec(corpusPhotos.find((p) => p.file === file)?.labels ?? '')?.[1] ?? 0);
  const groups = ['group_apollo11_crew.jpg', 'group_marie_and_pierre_curie.jpg'];
  const groupText = groups.map((g) => `${g}: ${found(g)} of ${expected(g)}`).join('; ');
  const falseFaces = corpus.photos
    .filter((p) => p.file.startsWith('noface_'))
    .reduce((sum, p) => sum + p.faces.length, 0);
  rows.push([
    'faces: found in the group photos',
    groups.map((g) => `${found(g)}/${expected(g)}`).join(', '),
    '',
    groups.every((g) => found(g) === expected(g)) ? 'ok' : 'MISSED: not every face found',
  ]);
  const ms = corpusPhotos.filter((p) => p.faces.length > 0).map((p) => p.detectMs);
  lines.push('');
  lines.push(`Faces found: ${groupText}; faces in the 3 photos without one: ${falseFaces}.`);
  lines.push(
    `Detection + embedding (BlazeFace, mesh, FaceRes on the 1440-px preview, one thread): ` +
      `median ${median(ms).toFixed(0)} ms per photo with faces (measured when the cache was made).`,
  );
  notes.push(`faces: ${groupText}; false faces in photos of nobody: ${falseFaces}`);
  notes.push(`faces: detection + embedding median ${median(ms).toFixed(0)} ms per photo`);
  return { table: lines.join('\n'), rows, notes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = await measureFaces();
  console.log(`\n${report.table}`);
}
