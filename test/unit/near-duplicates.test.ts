import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import {
  findNearDuplicates,
  groupIdOf,
  hammingDistance,
  keeperOf,
  type HashedAsset,
} from '../../src/core/duplicates/near-duplicates.js';

const GRID = Buffer.alloc(192, 100).toString('base64');
const gridOf = (value: number) => Buffer.alloc(192, value).toString('base64');

/** A hash with the given bits (0 = the most significant) flipped from `base`. */
const flipped = (base: bigint, bits: number[]) =>
  bits
    .reduce((h, bit) => h ^ (1n << BigInt(63 - bit)), base)
    .toString(16)
    .padStart(16, '0');

const BASE = 0x9f3a_5c17_e2b4_6d08n;

const asset = (id: string, hash: string, extra: Partial<HashedAsset> = {}): HashedAsset => ({
  id,
  hash,
  layout: GRID,
  sharpness: 100,
  pixels: 1000,
  metadata: 0,
  uploadedAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

describe('near-duplicates', () => {
  it('counts differing bits', () => {
    assert.equal(hammingDistance(flipped(BASE, []), flipped(BASE, [0, 31, 32, 63])), 4);
    assert.equal(hammingDistance('0000000000000000', 'ffffffffffffffff'), 64);
  });

  it('groups copies within the distance, spread over every band, and leaves others out', () => {
    const groups = findNearDuplicates([
      asset('a', flipped(BASE, [])),
      // 10 bits off, 2-3 in each band: found although no band is equal.
      asset('b', flipped(BASE, [1, 5, 17, 20, 33, 40, 41, 50, 55, 60])),
      asset('c', flipped(BASE, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])), // 11 bits: too far
      asset('d', flipped(BASE, [3]), { layout: gridOf(160) }), // same shape, other colours
      asset('e', flipped(~BASE & 0xffff_ffff_ffff_ffffn, [])),
    ]);
    assert.deepEqual(
      groups.map((g) => g.assetIds),
      [['a', 'b']],
    );
    assert.equal(groups[0]!.id, groupIdOf(['b', 'a']));
  });

  it('does not chain: members are near the group centre', () => {
    // x — y — z in a line, 8 bits apart each, x and z 16 apart; y is near both.
    const x = flipped(BASE, []);
    const y = flipped(BASE, [0, 1, 16, 17, 32, 33, 48, 49]);
    const z = flipped(BASE, [0, 1, 16, 17, 32, 33, 48, 49, 2, 3, 18, 19, 34, 35, 50, 51]);
    const w = flipped(BASE, [0, 1, 16, 17, 32, 33, 48, 49, 2, 3, 18, 19, 34, 35, 50, 51, 4, 5]);
    const groups = findNearDuplicates([asset('x', x), asset('y', y), asset('z', z), asset('w', w)]);
    for (const group of groups) {
      const centre = group.assetIds.find((id) =>
        group.assetIds.every(
          (other) =>
            other === id ||
            hammingDistance({ x, y, z, w }[id as 'x']!, { x, y, z, w }[other as 'x']!) <= 10,
        ),
      );
      assert.ok(centre, `${group.assetIds.join(',')} has a centre near every member`);
    }
    assert.equal(groups.flatMap((g) => g.assetIds).length, 4);
  });

  it('keeps the largest, then the clearly sharper, then more metadata, then the first uploaded', () => {
    const base = asset('z', '0');
    assert.equal(
      keeperOf([
        { ...base, id: 'small' },
        { ...base, id: 'big', pixels: 2000 },
      ]).id,
      'big',
    );
    assert.equal(
      keeperOf([
        { ...base, id: 'soft' },
        { ...base, id: 'sharp', sharpness: 200 },
      ]).id,
      'sharp',
    );
    // 10 % sharper (a recompressed copy's blocky edges) is not sharper: the metadata decides.
    assert.equal(
      keeperOf([
        { ...base, id: 'exif', metadata: 3 },
        { ...base, id: 'recompressed', sharpness: 110 },
      ]).id,
      'exif',
    );
    assert.equal(
      keeperOf([
        { ...base, id: 'later', uploadedAt: '2026-02-01T00:00:00.000Z' },
        { ...base, id: 'first' },
      ]).id,
      'first',
    );
  });

  it('finds copies among many photos without comparing every pair', () => {
    // Random hashes: a simple seeded generator's neighbouring outputs are related, and land near.
    const assets: HashedAsset[] = [];
    for (let i = 0; i < 20_000; i++) assets.push(asset(`p${i}`, randomBytes(8).toString('hex')));
    // 100 copies, 6 bits off their originals.
    for (let i = 0; i < 100; i++)
      assets.push(
        asset(`copy${i}`, flipped(BigInt(`0x${assets[i]!.hash}`), [3, 14, 22, 40, 47, 61])),
      );
    const started = performance.now();
    const groups = findNearDuplicates(assets);
    const ms = performance.now() - started;
    // Random 64-bit hashes are 10 bits apart about once in 10⁸ pairs: a few stray pairs.
    assert.equal(groups.filter((g) => g.assetIds.some((id) => id.startsWith('copy'))).length, 100);
    assert.ok(groups.length < 110, `${groups.length} groups`);
    // 100,000 take ~1 s (bench/vision-duplicates.ts); all pairs of these would take a minute.
    assert.ok(ms < 10_000, `took ${Math.round(ms)} ms`);
  });
});
