import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config.js';
import { MoveError } from './errors.js';
import type { QueueMode } from './job-carry-over.js';
import type { MoveOptions } from './move-installation.js';

export const USAGE = `Moves a Keepsake installation to another database and store, then verifies the copy.
Stop the Keepsake server first. Safe to run again: a rerun carries on where the last one stopped.

npm run move-installation -- --to-database postgres://... --to-storage s3://bucket/prefix

  --from-database <file or URL>   default: <KEEPSAKE_DATA_DIR>/keepsake.db
  --from-storage <folder or URL>  default: <KEEPSAKE_DATA_DIR>/blobs
  --to-database <URL or file>     required: postgres://... (or a SQLite file)
  --to-storage <URL or folder>    required: s3://bucket/prefix (or a folder)
  --to-queue <redis|database>     the queue the target will run (redis: KEEPSAKE_QUEUE_URL is
                                  set there), which takes the queued jobs; default: redis for
                                  PostgreSQL, database for SQLite
  --batch-size <rows>             rows per transaction (250)
  --concurrency <n>               blobs copied and originals checked at once (4)

S3 settings come from the same variables as the server's: AWS_ENDPOINT_URL_S3, AWS_REGION,
AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, KEEPSAKE_S3_FORCE_PATH_STYLE.
Exit status: 0 verified, 1 not verified or failed, 64 bad arguments, 65 the target holds other
data, 75 the source is in use, 78 invalid configuration, 130 interrupted.`;

export type CliRequest = { help: true } | { help: false; options: MoveOptions };

/** Reads the command line; the source defaults to the embedded set-up of `config.dataDir`. */
export function parseCliArguments(args: readonly string[], config: Config): CliRequest {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      options: {
        'from-database': { type: 'string' },
        'from-storage': { type: 'string' },
        'to-database': { type: 'string' },
        'to-storage': { type: 'string' },
        'to-queue': { type: 'string' },
        'batch-size': { type: 'string' },
        concurrency: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new MoveError('INVALID_INPUT', (error as Error).message);
  }
  if (values.help) return { help: true };
  const toDatabase = values['to-database'];
  const toStorage = values['to-storage'];
  if (!toDatabase || !toStorage)
    throw new MoveError('INVALID_INPUT', '--to-database and --to-storage are required.');
  // Only the data dir counts for the source: KEEPSAKE_DATABASE_URL and KEEPSAKE_STORAGE_URL may
  // already name the target, and the source is where the server kept things without them.
  const embedded = loadConfig({ KEEPSAKE_DATA_DIR: config.dataDir });
  return {
    help: false,
    options: {
      fromDatabase: values['from-database'] ?? embedded.databaseUrl,
      fromStorage: values['from-storage'] ?? embedded.storageUrl,
      toDatabase,
      toStorage,
      toQueue: queueMode(values['to-queue']),
      s3ForcePathStyle: config.s3ForcePathStyle,
      batchSize: wholeNumber('--batch-size', values['batch-size'], 1, 5000),
      concurrency: wholeNumber('--concurrency', values.concurrency, 1, 64),
    },
  };
}

function queueMode(raw: string | undefined): QueueMode | undefined {
  if (raw === undefined || raw === 'redis' || raw === 'database') return raw;
  throw new MoveError('INVALID_INPUT', `--to-queue must be redis or database, not "${raw}".`);
}

function wholeNumber(
  name: string,
  raw: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new MoveError('INVALID_INPUT', `${name} must be a whole number from ${min} to ${max}.`);
  return value;
}
