import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import type { Problems } from './problems.js';
import { countRows } from './row-stream.js';

export interface TableCount {
  table: keyof Database;
  expected: number;
  found: number;
}

/** Every table the move wrote holds exactly the rows it was meant to: no fewer, no extras. */
export async function verifyRowCounts(
  target: Kysely<Database>,
  expected: ReadonlyMap<keyof Database, number>,
  problems: Problems,
): Promise<TableCount[]> {
  const counts: TableCount[] = [];
  for (const [table, count] of expected) {
    const found = await countRows(target, table);
    counts.push({ table, expected: count, found });
    if (found !== count) problems.add(`${table}: ${found} rows in the target, ${count} expected`);
  }
  return counts;
}

/**
 * The target's month counts, which its triggers built as the assets arrived, equal the source's.
 * Months whose count fell to zero stay behind as rows in the source and never appear in the
 * target, so only the months that show on a timeline are compared.
 */
export async function verifyTimelineBuckets(
  source: Kysely<Database>,
  target: Kysely<Database>,
  problems: Problems,
): Promise<{ source: number; target: number }> {
  const [expected, found] = await Promise.all([bucketsOf(source), bucketsOf(target)]);
  for (const [bucket, count] of expected) {
    const there = found.get(bucket) ?? 0;
    if (there !== count)
      problems.add(`timeline_buckets ${bucket}: ${there} in the target, ${count} in the source`);
  }
  for (const [bucket, count] of found) {
    if (!expected.has(bucket))
      problems.add(`timeline_buckets ${bucket}: ${count} in the target, none in the source`);
  }
  return { source: expected.size, target: found.size };
}

async function bucketsOf(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('timeline_buckets')
    .select(['owner_id', 'month', 'count'])
    .where('count', '>', 0)
    .execute();
  return new Map(rows.map((row) => [`${row.owner_id} ${row.month}`, Number(row.count)]));
}
