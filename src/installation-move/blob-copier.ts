import type { BlobStore } from '../core/ports/blob-store.js';
import { forEachConcurrently } from './concurrently.js';

export interface BlobCopyProgress {
  /** Keys looked at so far. */
  seen: number;
  copied: number;
  /** Already in the target with the same size: written by an earlier, interrupted run. */
  skipped: number;
  bytesCopied: number;
}

export interface BlobCopyOptions {
  concurrency: number;
  signal?: AbortSignal;
  onBlob?: (progress: BlobCopyProgress) => void;
}

/**
 * Copies every key the source lists (originals and renditions; its `list` leaves staged uploads
 * out) to the same key in the target. Each copy streams through the target's `stage`, which makes
 * the bytes durable before `commit` puts them at their key whole, so a copy cut off by a kill
 * leaves at most a staging leftover, never a short file at a real key. A key already in the target
 * with the source's size is skipped: that is how a rerun picks up where the last run stopped. The
 * verification then reads every original back, which catches same-size damage the skip cannot see.
 */
export async function copyBlobs(
  source: BlobStore,
  target: BlobStore,
  options: BlobCopyOptions,
): Promise<BlobCopyProgress> {
  const progress: BlobCopyProgress = { seen: 0, copied: 0, skipped: 0, bytesCopied: 0 };
  await forEachConcurrently(source.list(''), options.concurrency, async (key) => {
    options.signal?.throwIfAborted();
    const size = await copyBlob(source, target, key);
    progress.seen++;
    if (size === undefined) progress.skipped++;
    else {
      progress.copied++;
      progress.bytesCopied += size;
    }
    options.onBlob?.({ ...progress });
  });
  return progress;
}

/** Copies one key unless the target has it already; resolves with the bytes copied. */
async function copyBlob(
  source: BlobStore,
  target: BlobStore,
  key: string,
): Promise<number | undefined> {
  const [there, here] = await Promise.all([target.stat(key), source.stat(key)]);
  if (!here) throw new Error(`${key} was listed by the source store but is not there any more`);
  if (there?.size === here.size) return undefined;
  const staged = await target.stage(await source.get(key));
  if (staged.size !== here.size) {
    await staged.discard();
    throw new Error(`${key}: read ${staged.size} bytes from the source, expected ${here.size}`);
  }
  await staged.commit(key);
  return here.size;
}
