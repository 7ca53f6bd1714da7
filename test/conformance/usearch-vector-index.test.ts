import assert from 'node:assert/strict';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { UsearchVectorIndex } from '../../src/adapters/vectors/usearch-vector-index.js';
import type { KeyedVector, StoredVectors } from '../../src/core/search/vector-index.js';

/** The table, in memory: what the index rebuilds and catches up from. */
class MemoryVectors implements StoredVectors {
  rows: KeyedVector[] = [];
  reads = 0;
  put(key: number, vector: number[]) {
    this.rows.push({ key, vector: unit(vector) });
  }
  async summary() {
    return { count: this.rows.length, maxKey: Math.max(0, ...this.rows.map((r) => r.key)) };
  }
  async after(key: number, limit: number) {
    this.reads++;
    return this.rows
      .filter((r) => r.key > key)
      .sort((a, b) => a.key - b.key)
      .slice(0, limit);
  }
}

function unit(values: number[]): Float32Array {
  const norm = Math.hypot(...values);
  return Float32Array.from(values, (v) => v / norm);
}

describe('usearch vector index', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keepsake-vectors-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('adds, searches nearest first, replaces and removes', async () => {
    const index = await UsearchVectorIndex.open(join(dir, 'a.usearch'), new MemoryVectors());
    assert.equal(index.size, 0);
    assert.deepEqual(await index.search(unit([1, 0, 0]), 3), []);
    await index.add(1, unit([1, 0, 0]));
    await index.add(2, unit([0, 1, 0]));
    await index.add(3, unit([1, 1, 0]));
    const matches = await index.search(unit([1, 0.1, 0]), 3);
    assert.deepEqual(
      matches.map((m) => m.key),
      [1, 3, 2],
    );
    assert.ok(matches[0]!.distance < 0.01 && matches[2]!.distance > 0.9);
    await index.add(1, unit([0, 0, 1]));
    assert.equal(index.size, 3);
    assert.equal((await index.search(unit([0, 0, 1]), 1))[0]!.key, 1);
    await index.remove(3);
    await index.remove(99);
    assert.deepEqual((await index.search(unit([1, 1, 0]), 5)).map((m) => m.key).sort(), [1, 2]);
    await index.close();
  });

  it('keeps every other vector in place when one in the middle is removed', async () => {
    const index = await UsearchVectorIndex.open(join(dir, 'm.usearch'), new MemoryVectors());
    const axes = [1, 2, 3, 4, 5].map((key) => [Math.cos(key), Math.sin(key), 0.2]);
    for (const [i, axis] of axes.entries()) await index.add(i + 1, unit(axis));
    await index.remove(2);
    assert.equal(index.size, 4);
    for (const key of [1, 3, 4, 5])
      assert.equal((await index.search(unit(axes[key - 1]!), 1))[0]!.key, key);
    assert.ok((await index.search(unit(axes[1]!), 5)).every((m) => m.key !== 2));
    await index.close();
  });

  it('catches up with stored vectors before each search', async () => {
    const stored = new MemoryVectors();
    stored.put(1, [1, 0, 0]);
    const index = await UsearchVectorIndex.open(join(dir, 'b.usearch'), stored);
    assert.equal(index.size, 1);
    stored.put(2, [0, 1, 0]);
    assert.equal((await index.search(unit([0, 1, 0]), 1))[0]!.key, 2);
    assert.equal(index.size, 2);
    await index.close();
  });

  it('is saved, loaded again without a rebuild, and rebuilt when missing or stale', async () => {
    const file = join(dir, 'c.usearch');
    const stored = new MemoryVectors();
    for (let key = 1; key <= 50; key++) stored.put(key, [Math.sin(key), Math.cos(key), key / 50]);
    const first = await UsearchVectorIndex.open(file, stored);
    assert.equal(first.size, 50);
    await first.close();
    assert.ok((await stat(file)).size > 0);

    // Loaded from the file: only the newer rows are read.
    stored.put(51, [0, 0, 1]);
    stored.reads = 0;
    const loaded = await UsearchVectorIndex.open(file, stored);
    assert.equal(loaded.size, 51);
    assert.equal(stored.reads, 1);
    await loaded.close();

    // Rows deleted since the file was written: rebuilt from the table.
    stored.rows = stored.rows.filter((r) => r.key % 2 === 0);
    const rebuilt = await UsearchVectorIndex.open(file, stored);
    assert.equal(rebuilt.size, 25);
    assert.ok((await rebuilt.search(unit([0, 0, 1]), 50)).every((m) => m.key % 2 === 0));
    await rebuilt.close();

    // A missing or broken file: rebuilt too.
    await rm(file);
    assert.equal((await UsearchVectorIndex.open(file, stored)).size, 25);
    await writeFile(file, 'not an index');
    const fromBroken = await UsearchVectorIndex.open(file, stored);
    assert.equal(fromBroken.size, 25);
    await fromBroken.close();
  });
});
