import type { DatabaseConnection } from './dialect-features.js';
import { openPostgres } from './dialects/postgres.js';
import { openSqlite } from './dialects/sqlite.js';
import type { Logger } from '../../core/ports/logger.js';

/** A `postgres://` URL opens PostgreSQL; anything else is the path of a SQLite file. */
export async function openDatabase(
  url: string,
  options: { logger?: Logger } = {},
): Promise<DatabaseConnection> {
  return isPostgresUrl(url) ? openPostgres(url, options) : openSqlite(url);
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//i.test(url);
