import type { Transaction } from 'kysely';
import type { DatabaseConnection } from '../adapters/db/dialect-features.js';
import type { Row } from './copied-tables.js';
import { TargetConflictError } from './errors.js';
import type { RowStream } from './row-stream.js';

export interface RowCopyOptions {
  batchSize: number;
  signal?: AbortSignal;
  onBatch?: (done: number) => void;
}

/** Conflicts listed before giving up: enough to see the pattern, not a wall of text. */
const MAX_LISTED_CONFLICTS = 10;

/**
 * Writes a stream's rows to the target, a batch per transaction. `ON CONFLICT DO NOTHING` lets a
 * rerun skip what an interrupted run wrote; but it skips just as quietly a row that clashes with
 * different data, so every batch is read back and compared before it commits. A clash rolls the
 * batch back and stops the move (TargetConflictError), leaving only verified copies behind.
 */
export async function copyRows(
  stream: RowStream,
  target: DatabaseConnection,
  options: RowCopyOptions,
): Promise<number> {
  let done = 0;
  for await (const batch of stream.batches(options.batchSize)) {
    options.signal?.throwIfAborted();
    await target.db.transaction().execute(async (trx) => {
      const db = trx as unknown as Transaction<Record<string, Row>>;
      await db
        .insertInto(stream.target)
        .values(batch)
        .onConflict((oc) => oc.doNothing())
        .execute();
      const conflicts = await findConflicts(db, stream, batch);
      if (conflicts.length > 0) throw new TargetConflictError(conflicts);
    });
    done += batch.length;
    options.onBatch?.(done);
  }
  return done;
}

async function findConflicts(
  db: Transaction<Record<string, Row>>,
  stream: RowStream,
  batch: readonly Row[],
): Promise<string[]> {
  const written = await db
    .selectFrom(stream.target)
    .selectAll()
    .where(
      'id',
      'in',
      batch.map((row) => row.id),
    )
    .execute();
  const byId = new Map(written.map((row) => [String(row.id), row]));
  const conflicts: string[] = [];
  for (const row of batch) {
    if (conflicts.length >= MAX_LISTED_CONFLICTS) break;
    const there = byId.get(String(row.id));
    const conflict = there
      ? describeDifference(stream, row, there)
      : await describeBlocker(db, stream, row);
    if (conflict) conflicts.push(conflict);
  }
  return conflicts;
}

function describeDifference(stream: RowStream, row: Row, there: Row): string | undefined {
  const differing = Object.keys(row).filter((column) => !sameValue(row[column], there[column]));
  if (differing.length === 0) return undefined;
  return `${stream.target} ${String(row.id)} is already in the target with a different ${differing.join(', ')}`;
}

/** A row that is not there after the insert was kept out by another row's unique value. */
async function describeBlocker(
  db: Transaction<Record<string, Row>>,
  stream: RowStream,
  row: Row,
): Promise<string> {
  for (const columns of stream.unique) {
    let query = db.selectFrom(stream.target).select('id');
    for (const column of columns) query = query.where(column, '=', row[column]);
    const holder = await query.executeTakeFirst();
    if (holder) {
      return `${stream.target} ${String(row.id)} cannot be written: the target's ${stream.target} ${String(holder.id)} has the same ${columns.join(' and ')}`;
    }
  }
  return `${stream.target} ${String(row.id)} cannot be written and no clashing row was found`;
}

/**
 * Values as both drivers hand them back: pg gives bigint columns (file sizes, bigserial ids) as
 * strings and better-sqlite3 as numbers, so numbers compare by their decimal text. Doubles
 * survive the trip exactly (PostgreSQL prints float8 with the shortest exact text).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  const text = (value: unknown) =>
    value === null || value === undefined
      ? null
      : typeof value === 'string'
        ? value
        : String(value);
  return text(a) === text(b);
}
