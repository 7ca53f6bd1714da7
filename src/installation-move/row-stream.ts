import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import type { Row, UniqueColumns } from './copied-tables.js';

/**
 * Rows bound for one target table, produced in ascending `id` order so that a rerun produces the
 * same rows with the same ids again: that is what makes inserting them idempotent.
 */
export interface RowStream {
  /** What the progress line and the summary call it (`jobs → job_outbox` for converted rows). */
  label: string;
  target: keyof Database;
  unique: UniqueColumns;
  /** How many rows the stream yields in all. */
  count(): Promise<number>;
  batches(batchSize: number): AsyncIterable<Row[]>;
}

/** The copier handles every table alike, as plain records; the schema's types add nothing there. */
export type UntypedDb = Kysely<Record<string, Row>>;
export const untyped = (db: Kysely<Database>): UntypedDb => db as unknown as UntypedDb;

export interface RowFilter {
  column: string;
  in: readonly string[];
}

/** Reads a table in `id` order, one key range per query (no OFFSET that slows down as it goes). */
export async function* rowsInIdOrder(
  db: Kysely<Database>,
  table: keyof Database,
  batchSize: number,
  filter?: RowFilter,
): AsyncIterable<Row[]> {
  let after: unknown;
  for (;;) {
    let query = untyped(db).selectFrom(table).selectAll().orderBy('id').limit(batchSize);
    if (after !== undefined) query = query.where('id', '>', after);
    if (filter) query = query.where(filter.column, 'in', filter.in);
    const rows = await query.execute();
    if (rows.length > 0) yield rows;
    if (rows.length < batchSize) return;
    after = rows.at(-1)!.id;
  }
}

export async function countRows(
  db: Kysely<Database>,
  table: keyof Database,
  filter?: RowFilter,
): Promise<number> {
  let query = untyped(db)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'));
  if (filter) query = query.where(filter.column, 'in', filter.in);
  const row = await query.executeTakeFirstOrThrow();
  // PostgreSQL answers count(*) as a bigint, which pg hands over as a string.
  return Number(row.n);
}

/** The largest `id` in a table, 0 when it is empty. */
export async function maxId(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await untyped(db)
    .selectFrom(table)
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirstOrThrow();
  return Number(row.max ?? 0);
}

/** A table copied as it is. */
export function tableStream(
  source: Kysely<Database>,
  table: keyof Database,
  unique: UniqueColumns,
): RowStream {
  return {
    label: table,
    target: table,
    unique,
    count: () => countRows(source, table),
    batches: (batchSize) => rowsInIdOrder(source, table, batchSize),
  };
}

/** The same rows, each passed through `convert` on its way (and perhaps to another table). */
export function convertedStream(
  label: string,
  target: keyof Database,
  unique: UniqueColumns,
  count: () => Promise<number>,
  rows: (batchSize: number) => AsyncIterable<Row[]>,
  convert: (row: Row) => Row,
): RowStream {
  return {
    label,
    target,
    unique,
    count,
    async *batches(batchSize) {
      for await (const batch of rows(batchSize)) yield batch.map(convert);
    },
  };
}
