import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isS3Url, openBlobStore, type OpenedBlobStore } from '../adapters/blobs/open-blob-store.js';
import type { DatabaseConnection } from '../adapters/db/dialect-features.js';
import { migrateToLatest } from '../adapters/db/migrator.js';
import { isPostgresUrl, openDatabase } from '../adapters/db/open-database.js';
import type { Database } from '../adapters/db/schema.js';
import { copyBlobs, type BlobCopyProgress } from './blob-copier.js';
import { COPIED_TABLES } from './copied-tables.js';
import { MoveError } from './errors.js';
import { advanceIdSequences } from './id-sequences.js';
import { defaultQueueMode, jobCarryOver, type QueueMode } from './job-carry-over.js';
import { Problems } from './problems.js';
import { copyRows } from './row-copier.js';
import { tableStream, type RowStream } from './row-stream.js';
import { lockSource } from './source-lock.js';
import { verifyOriginals } from './verify-originals.js';
import { verifyRowCounts, verifyTimelineBuckets, type TableCount } from './verify-rows.js';

export interface MoveOptions {
  /** The source's database: a SQLite file (the embedded set-up) or a postgres:// URL. */
  fromDatabase: string;
  /** The source's store: a folder or s3://bucket/prefix. */
  fromStorage: string;
  toDatabase: string;
  toStorage: string;
  /** The queue the target will run; see [Note: Jobs across a move]. */
  toQueue?: QueueMode;
  /** Path-style S3 addressing, for either side (KEEPSAKE_S3_FORCE_PATH_STYLE). */
  s3ForcePathStyle?: boolean;
  /** Rows per read and per insert transaction. */
  batchSize?: number;
  /** Blobs copied, and originals read back, at once. */
  concurrency?: number;
  /** Stops the move at the next row batch or blob; a rerun carries on from there. */
  signal?: AbortSignal;
  onProgress?: (progress: MoveProgress) => void;
}

export type MoveProgress =
  | { step: 'schema' }
  | { step: 'rows'; label: string; done: number; total: number }
  | ({ step: 'blobs' } & BlobCopyProgress)
  | { step: 'verify'; checked: number; total: number };

export interface MoveReport {
  tables: TableCount[];
  /** Non-empty month buckets, in the source and the target. */
  buckets: { source: number; target: number };
  toQueue: QueueMode;
  /** Finished jobs the target's queue does not take (see [Note: Jobs across a move]). */
  jobsNotCarried: { completed: number; failed: number };
  blobs: BlobCopyProgress;
  originalsChecked: number;
  /** What the verification found wrong, the first thousand of `problemCount`. */
  problems: string[];
  problemCount: number;
  /** Every count matched and every original read back right: the target is ready to use. */
  verified: boolean;
}

/**
 * Copies an installation (its database and its store) to another database and store, then
 * verifies the copy. Meant for moving an embedded installation (SQLite and a folder) to
 * PostgreSQL and S3, but it goes through the same ports either way, so any pair of kinds works.
 *
 * Safe to run again after an interruption at any point: rows go in with ON CONFLICT DO NOTHING
 * and are compared with what is there, blobs already copied are skipped, and nothing is taken as
 * done until the verification at the end has seen it. Stop the source's server first.
 *
 * Throws MoveError for what stops it before the verification (bad input, a source still in use,
 * a target holding different data); resolves with `verified: false` and the problems otherwise.
 */
export async function moveInstallation(options: MoveOptions): Promise<MoveReport> {
  // 250 rows of assets (~40 columns) stay far below either database's limit on parameters.
  const batchSize = options.batchSize ?? 250;
  const concurrency = options.concurrency ?? 4;
  const toQueue = options.toQueue ?? defaultQueueMode(options.toDatabase);
  checkInput(options);
  const report = options.onProgress ?? (() => {});
  const { signal } = options;
  const opened: { close(): Promise<void> }[] = [];
  try {
    const source = await open(opened, openDatabase(options.fromDatabase));
    await lockSource(source, options.fromDatabase);
    // As the server would on its next start: the rows are then copied column for column.
    await migrateToLatest(source);
    const target = await open(opened, openDatabase(options.toDatabase));
    report({ step: 'schema' });
    await migrateToLatest(target);
    const storeOptions = { s3ForcePathStyle: options.s3ForcePathStyle ?? false };
    const sourceBlobs = await openStore(opened, options.fromStorage, storeOptions);
    const targetBlobs = await openStore(opened, options.toStorage, storeOptions);

    const rows = await copyAllRows(source, target, toQueue, { batchSize, signal, report });
    const blobs = await copyBlobs(sourceBlobs, targetBlobs, {
      concurrency,
      signal,
      onBlob: (progress) => report({ step: 'blobs', ...progress }),
    });

    signal?.throwIfAborted();
    const problems = new Problems();
    const tables = await verifyRowCounts(target.db, rows.expected, problems);
    const buckets = await verifyTimelineBuckets(source.db, target.db, problems);
    const originalsChecked = await verifyOriginals(target.db, targetBlobs, sourceBlobs, problems, {
      batchSize,
      concurrency,
      signal,
      onOriginal: (checked, total) => report({ step: 'verify', checked, total }),
    });
    return {
      tables,
      buckets,
      toQueue,
      jobsNotCarried: rows.jobsNotCarried,
      blobs,
      originalsChecked,
      problems: problems.listed,
      problemCount: problems.count,
      verified: problems.count === 0,
    };
  } finally {
    for (const resource of opened.reverse()) await resource.close().catch(() => {});
  }
}

/**
 * Copies every table's rows, parents first, and says how many rows each target table should
 * hold once they are all there.
 */
async function copyAllRows(
  source: DatabaseConnection,
  target: DatabaseConnection,
  toQueue: QueueMode,
  options: { batchSize: number; signal?: AbortSignal; report: (progress: MoveProgress) => void },
) {
  const { batchSize, signal, report } = options;
  const jobs = await jobCarryOver(source.db, toQueue);
  const streams: RowStream[] = [
    ...COPIED_TABLES.map((table) => tableStream(source.db, table.name, table.unique)),
    ...jobs.streams,
  ];
  // A table no stream writes to (`jobs` for a Redis queue) is expected to stay empty.
  const expected = new Map<keyof Database, number>(
    [...COPIED_TABLES.map((table) => table.name), 'jobs' as const, 'job_outbox' as const].map(
      (table) => [table, 0],
    ),
  );
  for (const stream of streams) {
    const total = await stream.count();
    expected.set(stream.target, (expected.get(stream.target) ?? 0) + total);
    report({ step: 'rows', label: stream.label, done: 0, total });
    await copyRows(stream, target, {
      batchSize,
      signal,
      onBatch: (done) => report({ step: 'rows', label: stream.label, done, total }),
    });
  }
  await advanceIdSequences(target, ['jobs', 'job_outbox']);
  return { expected, jobsNotCarried: jobs.notCarried };
}

function checkInput(options: MoveOptions): void {
  const { fromDatabase, toDatabase, fromStorage, toStorage } = options;
  const same = (a: string, b: string, isUrl: (value: string) => boolean) =>
    isUrl(a) || isUrl(b) ? a === b : resolve(a) === resolve(b);
  if (same(fromDatabase, toDatabase, isPostgresUrl))
    throw new MoveError('INVALID_INPUT', 'The source and target databases are the same.');
  if (same(fromStorage, toStorage, isS3Url))
    throw new MoveError('INVALID_INPUT', 'The source and target stores are the same.');
  // Opening would quietly create an empty database or folder and "move" nothing.
  if (!isPostgresUrl(fromDatabase) && !existsSync(fromDatabase))
    throw new MoveError('INVALID_INPUT', `There is no database at ${fromDatabase}.`);
  if (!isS3Url(fromStorage) && !existsSync(fromStorage))
    throw new MoveError('INVALID_INPUT', `There is no storage folder at ${fromStorage}.`);
}

async function open(
  opened: { close(): Promise<void> }[],
  connecting: Promise<DatabaseConnection>,
): Promise<DatabaseConnection> {
  const connection = await connecting;
  opened.push(connection);
  return connection;
}

async function openStore(
  opened: { close(): Promise<void> }[],
  url: string,
  options: { s3ForcePathStyle: boolean },
): Promise<OpenedBlobStore> {
  const store = await openBlobStore(url, options);
  opened.push({ close: async () => store.close?.() });
  return store;
}
