import type { Kysely } from 'kysely';
import { isPostgresUrl } from '../adapters/db/open-database.js';
import type { Database } from '../adapters/db/schema.js';
import type { Row } from './copied-tables.js';
import {
  convertedStream,
  countRows,
  maxId,
  rowsInIdOrder,
  tableStream,
  type RowFilter,
  type RowStream,
} from './row-stream.js';

/*
 * [Note: Jobs across a move]
 * Queued work must survive a move: an asset whose metadata or thumbnails job is still waiting
 * would otherwise stay "processing" for ever. Where that work lives depends on the queue the
 * target will run, which its database cannot tell, so the operator names it (`--to-queue`; by
 * default `redis` for PostgreSQL, the scaled-out set-up, and `database` otherwise):
 *
 * - `database` (the table queue): `jobs` is copied as it is, history included, so the job counts
 *   stay the same. Jobs left `active` become `waiting` again: the source is stopped, nobody holds
 *   them. Rows of the source's `job_outbox` (a source that ran with Redis) become waiting jobs.
 * - `redis` (BullMQ): Redis is not part of the move. Waiting and active jobs become `job_outbox`
 *   rows, which the target's first process relays to BullMQ (see [Note: Job outbox]), keeping
 *   their due time; outbox rows are copied as they are. Completed and failed jobs are history
 *   that BullMQ cannot take in; they are counted in the summary and not carried (an asset whose
 *   job failed for good keeps its status and reason on its own row).
 *
 * A row that changes table gets a new id, offset past the ids of the rows that were already in
 * that table in the source, so a rerun writes the same ids again instead of duplicates.
 */
export type QueueMode = 'database' | 'redis';

export const defaultQueueMode = (toDatabase: string): QueueMode =>
  isPostgresUrl(toDatabase) ? 'redis' : 'database';

/** The table queue's own default (TableJobQueueOptions.defaultMaxAttempts). */
const TABLE_QUEUE_MAX_ATTEMPTS = 5;

const UNFINISHED: RowFilter = { column: 'status', in: ['waiting', 'active'] };

export interface JobCarryOver {
  streams: RowStream[];
  /** Finished jobs of the source that the target's queue does not take. */
  notCarried: { completed: number; failed: number };
}

export async function jobCarryOver(
  source: Kysely<Database>,
  mode: QueueMode,
): Promise<JobCarryOver> {
  if (mode === 'database') {
    const offset = await maxId(source, 'jobs');
    return {
      streams: [
        convertedStream(
          'jobs',
          'jobs',
          [],
          () => countRows(source, 'jobs'),
          (size) => rowsInIdOrder(source, 'jobs', size),
          releaseActiveJob,
        ),
        convertedStream(
          'job_outbox → jobs',
          'jobs',
          [],
          () => countRows(source, 'job_outbox'),
          (size) => rowsInIdOrder(source, 'job_outbox', size),
          (row) => outboxRowAsJob(row, offset),
        ),
      ],
      notCarried: { completed: 0, failed: 0 },
    };
  }
  const offset = await maxId(source, 'job_outbox');
  const finished = (status: string) =>
    countRows(source, 'jobs', { column: 'status', in: [status] });
  return {
    streams: [
      tableStream(source, 'job_outbox', []),
      convertedStream(
        'jobs → job_outbox',
        'job_outbox',
        [],
        () => countRows(source, 'jobs', UNFINISHED),
        (size) => rowsInIdOrder(source, 'jobs', size, UNFINISHED),
        (row) => jobAsOutboxRow(row, offset),
      ),
    ],
    notCarried: { completed: await finished('completed'), failed: await finished('failed') },
  };
}

function releaseActiveJob(row: Row): Row {
  if (row.status !== 'active') return row;
  return { ...row, status: 'waiting', locked_until: null, lock_token: null };
}

function outboxRowAsJob(row: Row, idOffset: number): Row {
  const createdAt = String(row.created_at);
  return {
    id: idOffset + Number(row.id),
    queue: row.queue,
    name: row.name,
    payload: row.payload,
    status: 'waiting',
    attempts: 0,
    max_attempts: row.max_attempts ?? TABLE_QUEUE_MAX_ATTEMPTS,
    run_at: new Date(Date.parse(createdAt) + Number(row.delay_ms ?? 0)).toISOString(),
    locked_until: null,
    lock_token: null,
    last_error: null,
    created_at: createdAt,
    finished_at: null,
  };
}

function jobAsOutboxRow(row: Row, idOffset: number): Row {
  const createdAt = String(row.created_at);
  // The outbox counts a delay from created_at, so a job due later (a retry) stays due then.
  const delayMs = Date.parse(String(row.run_at)) - Date.parse(createdAt);
  return {
    id: idOffset + Number(row.id),
    queue: row.queue,
    name: row.name,
    payload: row.payload,
    max_attempts: row.max_attempts,
    delay_ms: delayMs > 0 ? delayMs : null,
    created_at: createdAt,
  };
}
