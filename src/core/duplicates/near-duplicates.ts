import { createHash } from 'node:crypto';

/*
 * [Note: Near-duplicates]
 * Two photos are near-duplicates when one is a copy of the other (resized, recompressed,
 * re-saved, cropped by a few per cent) or the next frame of a burst. Each asset's preview is
 * fingerprinted once (duplicates step): a 64-bit DCT hash of its grey 32×32 copy (pHash), its
 * colours as an 8×8 grid, and its sharpness. Groups are worked out when they are asked for, from
 * the stored fingerprints, so a trashed photo or a dismissed group simply drops out.
 *
 * A pair is near when its hashes differ in at most `maxHashDistance` bits AND its colour grids
 * differ by at most `maxLayoutDistance` on average (0..255). The hash alone confuses photos of one
 * kind (two scans of a white page, a landscape and a colour chart whose light and dark halves
 * fall alike); the colour grid tells those apart, and a 5 % crop moves it little.
 * bench/vision-duplicates.ts measured both thresholds on corpus photos.
 *
 * Finding near pairs among 100,000 photos without comparing every pair (5·10⁹): multi-index
 * hashing. The 64 bits are cut into 4 bands of 16; two hashes within d bits have at least one
 * band within ⌊d/4⌋ bits (pigeonhole). So each band sorts the photos into 65,536 buckets by its
 * value (a counting sort), and each bucket is compared with itself and with the buckets within
 * ⌊d/4⌋ bits of it (137 for d = 10), each pair of buckets once: about 1 s for 100,000 photos on
 * one core (bench/vision-duplicates.ts), where all pairs would take minutes.
 *
 * Groups are connected near pairs, but a chain (A near B near C, A far from C) is not one group:
 * each group is a centre, the member near the most others, with the members near it, and the
 * rest are grouped again. The keeper is the largest (pixels of the original), then the
 * clearly sharper (within 25 % counts as equal: a recompressed copy is not "sharper" for its
 * blocky edges), then the one with more metadata (position, camera, a capture time from the
 * file), then the first uploaded.
 */
export interface NearDuplicateRule {
  maxHashDistance: number;
  maxLayoutDistance: number;
}

export const NEAR_DUPLICATE_RULE: NearDuplicateRule = {
  maxHashDistance: 10,
  maxLayoutDistance: 10,
};

/** One fingerprinted asset, with what the keeper choice weighs. */
export interface HashedAsset {
  id: string;
  hash: string;
  layout: string;
  sharpness: number;
  /** Width × height of the original; null when unknown. */
  pixels: number | null;
  /** How many of position, camera and capture time the file gave (0..3). */
  metadata: number;
  uploadedAt: string;
}

export interface DuplicateGroup {
  /** The same for the same members: a digest of their sorted ids. */
  id: string;
  assetIds: string[];
  keeperId: string;
}

const BANDS = 4;
const BAND_VALUES = 1 << 16;
/** Sharpness within this ratio of the sharpest counts as equal. */
const SHARPER_RATIO = 1.25;

export function hammingDistance(a: string, b: string): number {
  return (
    popcount32(parseInt(a.slice(0, 8), 16) ^ parseInt(b.slice(0, 8), 16)) +
    popcount32(parseInt(a.slice(8, 16), 16) ^ parseInt(b.slice(8, 16), 16))
  );
}

/** Mean absolute difference of two colour grids (base64 of equal length), 0..255. */
export function layoutDistance(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || a.length === 0) return 255;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

export const groupIdOf = (assetIds: readonly string[]): string =>
  createHash('sha256')
    .update([...assetIds].sort().join(','))
    .digest('hex')
    .slice(0, 32);

/** The groups of near-duplicates among one owner's assets; members and groups in a stable order. */
export function findNearDuplicates(
  assets: readonly HashedAsset[],
  rule: NearDuplicateRule = NEAR_DUPLICATE_RULE,
): DuplicateGroup[] {
  const neighbours = nearPairs(assets, rule);
  const groups: DuplicateGroup[] = [];
  for (const component of components(neighbours)) {
    for (const members of splitChains(component, neighbours, assets)) {
      const group = members.map((i) => assets[i]!);
      const assetIds = group.map((a) => a.id).sort();
      groups.push({ id: groupIdOf(assetIds), assetIds, keeperId: keeperOf(group).id });
    }
  }
  return groups.sort((a, b) => (a.assetIds[0]! < b.assetIds[0]! ? -1 : 1));
}

/** The copy to keep. See: [Note: Near-duplicates]. */
export function keeperOf<T extends Omit<HashedAsset, 'hash' | 'layout'>>(group: readonly T[]): T {
  const largest = Math.max(...group.map((a) => a.pixels ?? 0));
  let candidates = group.filter((a) => (a.pixels ?? 0) === largest);
  const sharpest = Math.max(...candidates.map((a) => a.sharpness));
  candidates = candidates.filter((a) => a.sharpness * SHARPER_RATIO >= sharpest);
  return [...candidates].sort(
    (a, b) =>
      b.metadata - a.metadata ||
      a.uploadedAt.localeCompare(b.uploadedAt) ||
      a.id.localeCompare(b.id),
  )[0]!;
}

/** For each asset (by index), the indexes of the assets near it. */
function nearPairs(assets: readonly HashedAsset[], rule: NearDuplicateRule): Map<number, number[]> {
  const n = assets.length;
  const hi = new Uint32Array(n);
  const lo = new Uint32Array(n);
  assets.forEach((a, i) => {
    hi[i] = parseInt(a.hash.slice(0, 8), 16) >>> 0;
    lo[i] = parseInt(a.hash.slice(8, 16), 16) >>> 0;
  });
  // Band k of asset i: bits 16k..16k+15 from the top.
  const bands = Array.from({ length: BANDS }, (_, k) =>
    Uint16Array.from({ length: n }, (_, i) =>
      k < 2 ? hi[i]! >>> (k === 0 ? 16 : 0) : lo[i]! >>> (k === 2 ? 16 : 0),
    ),
  );
  const radius = Math.floor(rule.maxHashDistance / BANDS);
  const probes = masksWithin(radius);
  const layouts = new Map<number, Uint8Array>();
  const layoutOf = (i: number) => {
    let bytes = layouts.get(i);
    if (!bytes) layouts.set(i, (bytes = Buffer.from(assets[i]!.layout, 'base64')));
    return bytes;
  };
  const neighbours = new Map<number, number[]>();
  const link = (i: number, j: number) => {
    (neighbours.get(i) ?? neighbours.set(i, []).get(i)!).push(j);
    (neighbours.get(j) ?? neighbours.set(j, []).get(j)!).push(i);
  };
  const consider = (i: number, j: number, k: number) => {
    const distance = popcount32(hi[i]! ^ hi[j]!) + popcount32(lo[i]! ^ lo[j]!);
    if (distance > rule.maxHashDistance) return;
    // A pair near in several bands is looked at once: in the first of them.
    if (firstNearBand(bands, i, j, radius) !== k) return;
    if (layoutDistance(layoutOf(i), layoutOf(j)) > rule.maxLayoutDistance) return;
    link(i, j);
  };
  for (let k = 0; k < BANDS; k++) {
    const { starts, members } = bandIndex(bands[k]!);
    // Bucket against bucket: each pair of buckets within `radius` bits once (v below v ^ mask).
    for (let v = 0; v < BAND_VALUES; v++) {
      const [from, to] = [starts[v]!, starts[v + 1]!];
      if (from === to) continue;
      for (const mask of probes) {
        const w = v ^ mask;
        if (mask === 0) {
          for (let p = from; p < to; p++)
            for (let q = p + 1; q < to; q++) consider(members[p]!, members[q]!, k);
        } else if (w > v) {
          for (let p = from; p < to; p++)
            for (let q = starts[w]!; q < starts[w + 1]!; q++) consider(members[p]!, members[q]!, k);
        }
      }
    }
  }
  return neighbours;
}

function firstNearBand(bands: Uint16Array[], i: number, j: number, radius: number): number {
  for (let k = 0; k < BANDS; k++) if (popcount32(bands[k]![i]! ^ bands[k]![j]!) <= radius) return k;
  return -1;
}

/** The assets by one band's value, as a counting sort: members[starts[v] .. starts[v + 1]). */
function bandIndex(values: Uint16Array) {
  const starts = new Uint32Array(BAND_VALUES + 1);
  for (const value of values) starts[value + 1]!++;
  for (let v = 0; v < BAND_VALUES; v++) starts[v + 1]! += starts[v]!;
  const next = starts.slice(0, BAND_VALUES);
  const members = new Uint32Array(values.length);
  values.forEach((value, i) => (members[next[value]!++] = i));
  return { starts, members };
}

/** Every 16-bit mask with at most `radius` bits set. */
function masksWithin(radius: number): number[] {
  const masks: number[] = [];
  for (let m = 0; m < BAND_VALUES; m++) if (popcount32(m) <= radius) masks.push(m);
  return masks;
}

function components(neighbours: Map<number, number[]>): number[][] {
  const seen = new Set<number>();
  const result: number[][] = [];
  for (const start of neighbours.keys()) {
    if (seen.has(start)) continue;
    const component: number[] = [];
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      component.push(i);
      for (const j of neighbours.get(i)!) {
        if (seen.has(j)) continue;
        seen.add(j);
        stack.push(j);
      }
    }
    result.push(component);
  }
  return result;
}

/** A component as groups around centres, so that every member is near its group's centre. */
function splitChains(
  component: number[],
  neighbours: Map<number, number[]>,
  assets: readonly HashedAsset[],
): number[][] {
  const left = new Set(component);
  const groups: number[][] = [];
  const nearLeft = (i: number) => neighbours.get(i)!.filter((j) => left.has(j));
  while (left.size > 1) {
    let centre = -1;
    let best = 0;
    for (const i of left) {
      const count = nearLeft(i).length;
      if (count > best || (count === best && count > 0 && assets[i]!.id < assets[centre]!.id))
        [centre, best] = [i, count];
    }
    if (best === 0) break;
    const members = [centre, ...nearLeft(centre)];
    for (const i of members) left.delete(i);
    groups.push(members);
  }
  return groups;
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}
