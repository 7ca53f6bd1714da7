import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { renderRenditions } from '../src/adapters/media/sharp-image-renderer.js';
import { fingerprintOf } from '../src/adapters/vision/perceptual-hash-task.js';
import {
  findNearDuplicates,
  NEAR_DUPLICATE_RULE,
  type HashedAsset,
  type NearDuplicateRule,
} from '../src/core/duplicates/near-duplicates.js';
import { ROOT } from './lib.js';

/*
 * Near-duplicates: pairwise precision and recall of the grouping on a set made from corpus
 * photos, beside an exact checksum match (what the upload already refuses) and the hash alone
 * (no colour grid), all in one run. See: [Note: Near-duplicates].
 * - Each original (../shared/corpus jpeg-exif/ gps/ burst/, ../shared/vision-corpus objects/
 *   ocr/) with three copies: resized to half its width, recompressed at JPEG quality 60, cropped
 *   by 2.5 % on every side (5 % of each dimension). The copies of one photo belong together.
 * - The two frames of the iPhone burst belong together too (consecutive burst frames, as the
 *   issue counts them), and two originals whose pictures are the same (a grey 32×32 copy within
 *   1.5 levels on average: the corpus holds one photo under two names) are one photo.
 * - Negatives of one scene, without copies: ../shared/vision-corpus/faces (studio portraits of
 *   28 people, neutral and smiling, on one backdrop; eight photos of one woman; group photos).
 * Every picture goes through the thumbnails step's renderer first: the step fingerprints the
 * preview, never the original.
 *
 * Run alone: npx tsx bench/vision-duplicates.ts
 */
const SHARED = join(ROOT, '..', 'shared');
const ORIGINALS = [
  join(SHARED, 'corpus', 'jpeg-exif'),
  join(SHARED, 'corpus', 'gps'),
  join(SHARED, 'corpus', 'burst'),
  join(SHARED, 'vision-corpus', 'objects'),
  join(SHARED, 'vision-corpus', 'ocr'),
];
const SCENES = join(SHARED, 'vision-corpus', 'faces');
const IMAGE = /\.(jpe?g|png)$/i;
/** A frame that is almost entirely black (pocket shot): its hash says nothing. */
const LEFT_OUT = new Set(['pixel_8.jpg']);

type Row = [figure: string, keepsake: string, baseline: string, verdict: string];
type Kind = 'original' | 'resized' | 'recompressed' | 'cropped' | 'scene';

interface Item extends HashedAsset {
  /** Pictures with the same truth belong in one group. */
  truth: string;
  kind: Kind;
  name: string;
  checksum: string;
}

async function copiesOf(bytes: Buffer): Promise<[Kind, Buffer][]> {
  const upright = () => sharp(bytes).rotate();
  const { width, height } = await upright()
    .toBuffer({ resolveWithObject: true })
    .then((r) => r.info);
  const margin = (side: number) => Math.round(side * 0.025);
  return [
    [
      'resized',
      await upright()
        .resize(Math.round(width / 2))
        .jpeg({ quality: 90 })
        .toBuffer(),
    ],
    ['recompressed', await upright().jpeg({ quality: 60 }).toBuffer()],
    [
      'cropped',
      await upright()
        .extract({
          left: margin(width),
          top: margin(height),
          width: width - 2 * margin(width),
          height: height - 2 * margin(height),
        })
        .jpeg({ quality: 90 })
        .toBuffer(),
    ],
  ];
}

const filesIn = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => IMAGE.test(f) && !LEFT_OUT.has(f))
        .sort()
        .map((f) => join(dir, f))
    : [];

interface Timing {
  renderMs: number[];
  fingerprintMs: number[];
}

async function fingerprinted(
  name: string,
  bytes: Buffer,
  kind: Kind,
  truth: string,
  order: number,
  timing: Timing,
): Promise<Item & { tiny: Buffer }> {
  let started = performance.now();
  const preview = (await renderRenditions(sharp(bytes))).preview.data;
  timing.renderMs.push(performance.now() - started);
  started = performance.now();
  const fingerprint = await fingerprintOf(preview);
  timing.fingerprintMs.push(performance.now() - started);
  const meta = await sharp(bytes).metadata();
  const width = meta.autoOrient?.width ?? meta.width ?? 0;
  const height = meta.autoOrient?.height ?? meta.height ?? 0;
  return {
    id: `${String(order).padStart(4, '0')} ${kind} ${name}`,
    ...fingerprint,
    pixels: width * height,
    // The copies are written without EXIF, as most tools that resize do.
    metadata: meta.exif ? 1 : 0,
    uploadedAt: new Date(Date.UTC(2026, 0, 1) + order * 1000).toISOString(),
    truth,
    kind,
    name,
    checksum: createHash('sha256').update(bytes).digest('hex'),
    tiny: await sharp(preview).greyscale().resize(32, 32, { fit: 'fill' }).raw().toBuffer(),
  };
}

interface Scores {
  precision: number;
  recall: number;
  predicted: number;
  truePairs: number;
  falsePairs: [string, string][];
}

function pairwise(items: readonly Item[], groups: readonly string[][]): Scores {
  const truthOf = new Map(items.map((i) => [i.id, i.truth]));
  let predicted = 0;
  let correct = 0;
  const falsePairs: [string, string][] = [];
  for (const group of groups)
    for (let a = 0; a < group.length; a++)
      for (let b = a + 1; b < group.length; b++) {
        predicted++;
        if (truthOf.get(group[a]!) === truthOf.get(group[b]!)) correct++;
        else falsePairs.push([group[a]!, group[b]!]);
      }
  const sizes = new Map<string, number>();
  for (const item of items) sizes.set(item.truth, (sizes.get(item.truth) ?? 0) + 1);
  const truePairs = [...sizes.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);
  return {
    precision: predicted === 0 ? NaN : correct / predicted,
    recall: correct / truePairs,
    predicted,
    truePairs,
    falsePairs,
  };
}

/** Of each original's pairs with its own copies of one kind, the share grouped together. */
function recallByKind(items: readonly Item[], groups: readonly string[][], kind: Kind): number {
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => g.forEach((id) => groupOf.set(id, i)));
  const originals = new Map(items.filter((i) => i.kind === 'original').map((i) => [i.name, i]));
  const copies = items.filter((i) => i.kind === kind);
  const found = copies.filter((c) => {
    const g = groupOf.get(c.id);
    return g !== undefined && g === groupOf.get(originals.get(c.name)!.id);
  });
  return found.length / Math.max(1, copies.length);
}

const byChecksum = (items: readonly Item[]) => {
  const groups = new Map<string, string[]>();
  for (const item of items)
    groups.set(item.checksum, [...(groups.get(item.checksum) ?? []), item.id]);
  return [...groups.values()].filter((g) => g.length > 1);
};

const grouped = (items: readonly Item[], rule: NearDuplicateRule) =>
  findNearDuplicates(items, rule).map((g) => g.assetIds);

const pct = (value: number) => (Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(1)} %`);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

export async function measureDuplicates(notes: string[]): Promise<Row[]> {
  const originals = ORIGINALS.flatMap(filesIn);
  if (originals.length === 0) {
    notes.push(`Near-duplicates: skipped, no photos under ${SHARED}`);
    return [];
  }
  const timing: Timing = { renderMs: [], fingerprintMs: [] };
  const items: (Item & { tiny: Buffer })[] = [];
  let order = 0;
  for (const path of originals) {
    const name = basename(path);
    const bytes = await readFile(path);
    const truth = path.includes(`${join('corpus', 'burst')}`) ? 'burst' : name;
    items.push(await fingerprinted(name, bytes, 'original', truth, order++, timing));
    for (const [kind, copy] of await copiesOf(bytes))
      items.push(await fingerprinted(name, copy, kind, truth, order++, timing));
  }
  // One picture under two names is one photo: the truth of the later follows the earlier.
  const firsts = items.filter((i) => i.kind === 'original');
  for (let a = 0; a < firsts.length; a++)
    for (let b = a + 1; b < firsts.length; b++) {
      const [x, y] = [firsts[a]!, firsts[b]!];
      let diff = 0;
      for (let p = 0; p < x.tiny.length; p++) diff += Math.abs(x.tiny[p]! - y.tiny[p]!);
      if (diff / x.tiny.length > 1.5 || x.truth === y.truth) continue;
      notes.push(`Near-duplicates: ${x.name} and ${y.name} are one picture (counted as one photo)`);
      const from = y.truth;
      for (const item of items) if (item.truth === from) item.truth = x.truth;
    }
  const copiesOnly = [...items];
  for (const path of filesIn(SCENES))
    items.push(
      await fingerprinted(
        basename(path),
        await readFile(path),
        'scene',
        basename(path),
        order++,
        timing,
      ),
    );

  const started = performance.now();
  const keepsakeGroups = grouped(items, NEAR_DUPLICATE_RULE);
  const groupMs = performance.now() - started;
  const hashOnly = grouped(items, { ...NEAR_DUPLICATE_RULE, maxLayoutDistance: 255 });
  const keepsake = pairwise(items, keepsakeGroups);
  const withoutScenes = pairwise(copiesOnly, grouped(copiesOnly, NEAR_DUPLICATE_RULE));
  const checksum = pairwise(items, byChecksum(items));
  const hash = pairwise(items, hashOnly);

  // The keeper of each group that holds an original and its copies: the original?
  const groupsWithOriginal = findNearDuplicates(items).filter((g) =>
    g.assetIds.some((id) => id.includes(' original ')),
  );
  const keptOriginals = groupsWithOriginal.filter((g) => g.keeperId.includes(' original ')).length;

  const synthetic = syntheticLibrary(100_000);
  const syntheticStarted = performance.now();
  findNearDuplicates(synthetic);
  const syntheticMs = performance.now() - syntheticStarted;

  const { maxHashDistance: d, maxLayoutDistance: c } = NEAR_DUPLICATE_RULE;
  notes.push(
    `Near-duplicates: ${firsts.length} originals × (itself + resized + recompressed q60 + cropped 5 %) ` +
      `+ ${items.length - copiesOnly.length} scene negatives = ${items.length} pictures, ` +
      `${keepsake.truePairs} true pairs; rule: hash ≤ ${d} bits and colour grid ≤ ${c}`,
    `Near-duplicates: recall by copy: resized ${pct(recallByKind(items, keepsakeGroups, 'resized'))}, ` +
      `recompressed ${pct(recallByKind(items, keepsakeGroups, 'recompressed'))}, ` +
      `cropped ${pct(recallByKind(items, keepsakeGroups, 'cropped'))}; ` +
      `keeper = the original in ${keptOriginals} of ${groupsWithOriginal.length} groups`,
    `Near-duplicates: false pairs: ${
      keepsake.falsePairs
        .slice(0, 6)
        .map(([a, b]) => `${a.slice(5)} ~ ${b.slice(5)}`)
        .join('; ') || 'none'
    }`,
    `Near-duplicates: fingerprint ${mean(timing.fingerprintMs).toFixed(1)} ms a preview ` +
      `(rendering the preview ${mean(timing.renderMs).toFixed(0)} ms); grouping ${items.length} ` +
      `in ${groupMs.toFixed(0)} ms, 100,000 random hashes in ${syntheticMs.toFixed(0)} ms`,
  );
  return [
    [
      `Near-duplicates: pairwise precision (${items.length} pictures; target ≥ 98 %)`,
      `${pct(keepsake.precision)} (${keepsake.predicted} pairs)`,
      `checksum ${pct(checksum.precision)} (${checksum.predicted}); hash alone ${pct(hash.precision)} (${hash.predicted})`,
      keepsake.precision >= 0.98 ? 'ok' : 'below target',
    ],
    [
      'Near-duplicates: pairwise recall',
      pct(keepsake.recall),
      `checksum ${pct(checksum.recall)}; hash alone ${pct(hash.recall)}`,
      '-',
    ],
    [
      'Near-duplicates: without the scene negatives, precision / recall',
      `${pct(withoutScenes.precision)} / ${pct(withoutScenes.recall)}`,
      '-',
      '-',
    ],
  ];
}

/** Random fingerprints, all one colour: the hash index alone decides what is compared. */
function syntheticLibrary(n: number): HashedAsset[] {
  const layout = Buffer.alloc(192, 128).toString('base64');
  return Array.from({ length: n }, (_, i) => ({
    id: `s${i}`,
    hash: randomBytes(8).toString('hex'),
    layout,
    sharpness: 1,
    pixels: 1,
    metadata: 0,
    uploadedAt: '2026-01-01T00:00:00.000Z',
  }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const notes: string[] = [];
  const rows = await measureDuplicates(notes);
  for (const row of rows) console.log(row.join(' | '));
  for (const note of notes) console.log(`- ${note}`);
}
