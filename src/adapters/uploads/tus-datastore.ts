import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { DataStore } from '@tus/server';

/** Partial uploads expire after a week without progress. */
const EXPIRE_AFTER_MS = 7 * 86_400_000;

/** A tus store that can also hand back a finished upload's bytes. */
export type TusDatastore = DataStore & { read(id: string): Readable | Promise<Readable> };

/**
 * Where partial uploads wait until their last byte: the data dir's `uploads/` on this process's
 * disk, whatever the blob store. With several API processes, a resumed upload must therefore
 * reach the process that began it (sticky sessions on the upload URL). @tus/s3-store would lift
 * that; against s3rver its creation request fails (MethodNotAllowed), so it is not wired in until
 * it can be tested. Finished uploads go to the blob store like any other.
 */
export async function createTusDatastore(settings: { dataDir: string }): Promise<TusDatastore> {
  const { FileStore } = await import('@tus/file-store');
  return new FileStore({
    directory: join(settings.dataDir, 'uploads'),
    expirationPeriodInMilliseconds: EXPIRE_AFTER_MS,
  });
}
