import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { DataStore, Locker } from '@tus/server';
import { isS3Url } from '../blobs/open-blob-store.js';
import { isPostgresUrl } from '../db/open-database.js';
import type { PostgresLocker } from './postgres-locker.js';
import type { Logger } from '../../core/ports/logger.js';

/** Partial uploads expire after a week without finishing. */
const EXPIRE_AFTER_MS = 7 * 86_400_000;

/** A tus store that can also hand back a finished upload's bytes. */
export type TusDatastore = DataStore & {
  read(id: string): Readable | Promise<Readable>;
  /** Locks upload ids across processes; without one, tus locks within this process. */
  locker?: Locker;
  close?(): Promise<void>;
};

export interface TusDatastoreSettings {
  dataDir: string;
  storageUrl: string;
  s3ForcePathStyle: boolean;
  databaseUrl: string;
  /** Where the upload locker reports a lost connection. */
  logger?: Logger;
}

/**
 * Where partial uploads wait until their last byte, beside the originals:
 *
 * - S3 storage: in the bucket, under `<prefix>/.tus/` (see s3-tus-store.ts), so any API process
 *   can take up an upload that another began; with PostgreSQL, an advisory lock per upload keeps
 *   two processes from writing it at once (postgres-locker.ts).
 * - A folder: the data dir's `uploads/` on this process's disk (tus's FileStore), so a resumed
 *   upload must reach the process that began it.
 *
 * Finished uploads go to the blob store like any other.
 */
export async function createTusDatastore(settings: TusDatastoreSettings): Promise<TusDatastore> {
  if (isS3Url(settings.storageUrl)) {
    const { S3TusStore } = await import('./s3-tus-store.js');
    const store = new S3TusStore(settings.storageUrl, {
      forcePathStyle: settings.s3ForcePathStyle,
      expirationPeriodInMilliseconds: EXPIRE_AFTER_MS,
    });
    let locker: PostgresLocker | undefined;
    if (isPostgresUrl(settings.databaseUrl)) {
      const { PostgresLocker } = await import('./postgres-locker.js');
      locker = new PostgresLocker(settings.databaseUrl, { logger: settings.logger });
    }
    return Object.assign(store, {
      locker,
      close: async () => {
        await locker?.close();
        store.destroy();
      },
    });
  }
  const { FileStore } = await import('@tus/file-store');
  return new FileStore({
    directory: join(settings.dataDir, 'uploads'),
    expirationPeriodInMilliseconds: EXPIRE_AFTER_MS,
  });
}
