import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import type { BlobStore } from '../core/ports/blob-store.js';
import { forEachConcurrently } from './concurrently.js';
import type { Problems } from './problems.js';
import { readBack, type ReadBack } from './read-back.js';

export interface OriginalsOptions {
  batchSize: number;
  concurrency: number;
  signal?: AbortSignal;
  onOriginal?: (checked: number, total: number) => void;
}

interface AssetFiles {
  id: string;
  original_key: string;
  checksum: string;
  file_size: number;
  thumbnail_key: string | null;
  preview_key: string | null;
}

/**
 * Reads every original the target's assets name back from the target store and compares its
 * SHA-256 and size with the asset row; checks that their renditions are there. Assets are read
 * in `original_key` order so that content shared by several owners is read once.
 */
export async function verifyOriginals(
  db: Kysely<Database>,
  target: BlobStore,
  source: BlobStore,
  problems: Problems,
  options: OriginalsOptions,
): Promise<number> {
  const total = await distinctOriginals(db);
  let checked = 0;
  let last: { key: string; read: ReadBack | undefined } | undefined;
  for await (const page of assetsByOriginal(db, options.batchSize)) {
    options.signal?.throwIfAborted();
    const reads = new Map<string, ReadBack | undefined>();
    if (last) reads.set(last.key, last.read);
    const keys = [...new Set(page.map((asset) => asset.original_key))].filter((k) => !reads.has(k));
    await forEachConcurrently(keys, options.concurrency, async (key) => {
      reads.set(key, await readBack(target, key));
      options.onOriginal?.(++checked, total);
    });
    await forEachConcurrently(page, options.concurrency, (asset) =>
      checkAsset(asset, reads.get(asset.original_key), source, target, problems),
    );
    const key = page.at(-1)!.original_key;
    last = { key, read: reads.get(key) };
  }
  return checked;
}

async function checkAsset(
  asset: AssetFiles,
  read: ReadBack | undefined,
  source: BlobStore,
  target: BlobStore,
  problems: Problems,
): Promise<void> {
  const what = `asset ${asset.id}, original ${asset.original_key}`;
  if (!read) problems.add(`${what}: missing from the target store`);
  else if (read.sha256 !== asset.checksum || read.size !== Number(asset.file_size)) {
    // Worth knowing which copy is wrong: a rerun fixes the target, nothing fixes the source.
    const original = await readBack(source, asset.original_key);
    const sourceRight = original?.sha256 === asset.checksum;
    problems.add(
      `${what}: the target's bytes do not match the checksum (SHA-256 ${read.sha256}, ` +
        `${read.size} bytes; expected ${asset.checksum}, ${asset.file_size} bytes); ` +
        (sourceRight
          ? 'the source copy is right: delete this key from the target and run the move again'
          : 'the source copy does not match either: it was damaged before the move'),
    );
  }
  for (const key of [asset.thumbnail_key, asset.preview_key]) {
    if (key && !(await target.stat(key))) problems.add(`asset ${asset.id}: ${key} is missing`);
  }
}

async function distinctOriginals(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('assets')
    .select((eb) => eb.fn.count('original_key').distinct().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function* assetsByOriginal(
  db: Kysely<Database>,
  batchSize: number,
): AsyncIterable<AssetFiles[]> {
  let after: { key: string; id: string } | undefined;
  for (;;) {
    let query = db
      .selectFrom('assets')
      .select(['id', 'original_key', 'checksum', 'file_size', 'thumbnail_key', 'preview_key'])
      .orderBy('original_key')
      .orderBy('id')
      .limit(batchSize);
    if (after) {
      const { key, id } = after;
      query = query.where((eb) =>
        eb.or([
          eb('original_key', '>', key),
          eb.and([eb('original_key', '=', key), eb('id', '>', id)]),
        ]),
      );
    }
    const page = await query.execute();
    if (page.length > 0) yield page;
    if (page.length < batchSize) return;
    const tail = page.at(-1)!;
    after = { key: tail.original_key, id: tail.id };
  }
}
