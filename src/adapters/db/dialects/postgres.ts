import { Kysely, PostgresDialect, sql } from 'kysely';
import type { BucketRule, DatabaseConnection, DialectFeatures } from '../dialect-features.js';
import type { Database } from '../schema.js';
import { redactPassword } from '../redact-password.js';
import { errorMessage } from '../../../core/errors.js';
import type { Logger } from '../../../core/ports/logger.js';
import { fallbackLogger } from '../../logging/pino-logger.js';

// Keeps a month's count in step with every insert, move, archive, trash, restore and delete:
// the same rules as SQLite's triggers, in one PL/pgSQL function.
const bucketTriggers = ({ columns, visible }: BucketRule): string[] => [
  `CREATE OR REPLACE FUNCTION assets_bucket_sync() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF TG_OP IN ('UPDATE', 'DELETE') AND ${visible('OLD')} THEN
       UPDATE timeline_buckets SET count = count - 1
       WHERE owner_id = OLD.owner_id AND month = OLD.month;
     END IF;
     IF TG_OP IN ('UPDATE', 'INSERT') AND ${visible('NEW')} THEN
       INSERT INTO timeline_buckets (owner_id, month, count) VALUES (NEW.owner_id, NEW.month, 1)
       ON CONFLICT (owner_id, month) DO UPDATE SET count = timeline_buckets.count + 1;
     END IF;
     RETURN NULL;
   END $$`,
  `CREATE TRIGGER assets_bucket_insert AFTER INSERT ON assets
   FOR EACH ROW EXECUTE FUNCTION assets_bucket_sync()`,
  `CREATE TRIGGER assets_bucket_delete AFTER DELETE ON assets
   FOR EACH ROW EXECUTE FUNCTION assets_bucket_sync()`,
  `CREATE TRIGGER assets_bucket_update AFTER UPDATE OF owner_id, month, ${columns.join(', ')}
   ON assets FOR EACH ROW EXECUTE FUNCTION assets_bucket_sync()`,
];

const dropBucketTriggers = [
  'DROP TRIGGER IF EXISTS assets_bucket_insert ON assets',
  'DROP TRIGGER IF EXISTS assets_bucket_delete ON assets',
  'DROP TRIGGER IF EXISTS assets_bucket_update ON assets',
];

export const postgresFeatures: DialectFeatures = {
  name: 'postgres',
  autoIncrementType: 'bigserial',
  // bigserial is already an auto-incrementing column.
  autoIncrement: (column) => column,
  timelineBucketTriggers: bucketTriggers,
  dropTimelineBucketTriggers: dropBucketTriggers,
  supportsSkipLocked: true,
  // Many processes upload at once: a transaction-scoped advisory lock on the checksum's hash
  // serialises the ones that touch the same content. See: [Note: Content locks].
  lockContent: async (trx, checksum) => {
    await sql`select pg_advisory_xact_lock(hashtextextended(${checksum}, 0))`.execute(trx);
  },
};

export interface PostgresOptions {
  /** Connections in this process's pool. */
  poolSize?: number;
  /** Where a lost idle connection is reported. */
  logger?: Logger;
}

/**
 * Connects to PostgreSQL (`postgres://user:password@host:port/database`). Throws, naming the
 * server, when it cannot be reached, so start-up stops with a message a person can act on.
 */
export async function openPostgres(
  url: string,
  options: PostgresOptions = {},
): Promise<DatabaseConnection> {
  // Loaded here, not at the top: an embedded installation never needs the driver.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10 });
  // An idle client that loses its server must not take the process down with it.
  const logger = options.logger ?? fallbackLogger();
  pool.on('error', (error) => logger.error({ err: error }, 'PostgreSQL connection error'));
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    throw new Error(`PostgreSQL at ${redactPassword(url)} is not reachable: ${describe(error)}`, {
      cause: error,
    });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    features: postgresFeatures,
    // PostgreSQL's commit already waits for its WAL to reach disk (synchronous_commit = on).
    flushCommits: async () => {},
    close: () => db.destroy(),
  };
}

const describe = (error: unknown) =>
  error instanceof AggregateError ? error.errors.map(errorMessage).join('; ') : errorMessage(error);
