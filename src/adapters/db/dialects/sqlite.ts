import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { fsync } from '../../fs/fsync.js';
import type { BucketRule, DatabaseConnection, DialectFeatures } from '../dialect-features.js';
import type { Database } from '../schema.js';
import { withStatementCache } from './statement-cache.js';

// Keeps a month's count in step with every insert, move, archive, trash, restore and delete.
// The `WHERE true` lets SQLite parse an upsert after a SELECT.
const bucketTriggers = ({ columns, visible }: BucketRule): string[] => [
  `CREATE TRIGGER assets_bucket_insert AFTER INSERT ON assets
   WHEN ${visible('NEW')}
   BEGIN
     INSERT INTO timeline_buckets (owner_id, month, count) VALUES (NEW.owner_id, NEW.month, 1)
     ON CONFLICT (owner_id, month) DO UPDATE SET count = count + 1;
   END`,
  `CREATE TRIGGER assets_bucket_delete AFTER DELETE ON assets
   WHEN ${visible('OLD')}
   BEGIN
     UPDATE timeline_buckets SET count = count - 1 WHERE owner_id = OLD.owner_id AND month = OLD.month;
   END`,
  `CREATE TRIGGER assets_bucket_update AFTER UPDATE OF owner_id, month, ${columns.join(', ')} ON assets
   BEGIN
     UPDATE timeline_buckets SET count = count - 1
     WHERE ${visible('OLD')} AND owner_id = OLD.owner_id AND month = OLD.month;
     INSERT INTO timeline_buckets (owner_id, month, count)
     SELECT NEW.owner_id, NEW.month, 1 WHERE ${visible('NEW')}
     ON CONFLICT (owner_id, month) DO UPDATE SET count = count + 1;
   END`,
];

const dropBucketTriggers = [
  'DROP TRIGGER IF EXISTS assets_bucket_insert',
  'DROP TRIGGER IF EXISTS assets_bucket_delete',
  'DROP TRIGGER IF EXISTS assets_bucket_update',
];

export const sqliteFeatures: DialectFeatures = {
  name: 'sqlite',
  autoIncrementType: 'integer',
  autoIncrement: (column) => column.autoIncrement(),
  timelineBucketTriggers: bucketTriggers,
  dropTimelineBucketTriggers: dropBucketTriggers,
  supportsSkipLocked: false,
  // One connection runs one transaction at a time, so every transaction is already serialised.
  lockContent: async () => {},
};

/** Opens (creating if needed) a SQLite database file in WAL mode. */
export function openSqlite(file: string): DatabaseConnection {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new BetterSqlite3(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL: commits are safe from a crash of the process but not yet from a power cut. The few
  // that acknowledge something (an upload) call flushCommits(), which fsyncs the WAL on a worker
  // thread; FULL would fsync every job's bookkeeping too, on the one thread that serves requests.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return {
    db,
    features: sqliteFeatures,
    // In WAL mode a commit is durable once the WAL file is: a checkpoint that moved it on to the
    // database file has synced that file already.
    flushCommits: () => fsync(`${file}-wal`),
    close: () => db.destroy(),
  };
}
