import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Keyset paging for "newest first" listings (ordered by taken_local desc, id desc): the rows that
 * come after the last one of the previous page. Stable however many rows are added meanwhile.
 */
export const afterCursor =
  (after: { local: string; id: string }) =>
  (eb: ExpressionBuilder<Database, 'assets'>): Expression<SqlBool> =>
    eb.or([
      eb('taken_local', '<', after.local),
      eb.and([eb('taken_local', '=', after.local), eb('id', '<', after.id)]),
    ]);
