import { sql } from 'kysely';
import type { DatabaseConnection } from '../adapters/db/dialect-features.js';
import { isPostgresUrl } from '../adapters/db/open-database.js';
import { MoveError } from './errors.js';

/**
 * Takes the source database for the move alone, or refuses when a Keepsake server has it open.
 *
 * A SQLite database in WAL mode cannot be locked exclusively while any other connection has it
 * open, even an idle one, so this is a reliable check that the server is stopped; holding the
 * lock (until the move closes the database) also keeps a server from starting mid-move and
 * writing rows or files the move would miss. A PostgreSQL source has no such cheap check: the
 * documentation asks to stop every process first.
 */
export async function lockSource(source: DatabaseConnection, url: string): Promise<void> {
  if (isPostgresUrl(url)) return;
  // A server that is writing right now holds its lock for a moment; one that is open holds it
  // for as long as it runs. A second tells the two apart.
  await sql`pragma busy_timeout = 1000`.execute(source.db);
  await sql`pragma locking_mode = exclusive`.execute(source.db);
  try {
    await sql`begin exclusive`.execute(source.db);
    await sql`commit`.execute(source.db);
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw new MoveError(
      'SOURCE_IN_USE',
      `The source database ${url} is in use: stop the Keepsake server that has it open, then ` +
        `run the move again.`,
    );
  }
}
