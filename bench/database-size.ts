import { randomUUID } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/adapters/db/migrator.js';
import { openDatabase } from '../src/adapters/db/open-database.js';
import type { DatabaseConnection } from '../src/adapters/db/dialect-features.js';
import { createTestDatabase } from '../test/helpers/postgres.js';
import { WORK } from './lib.js';
import { ASSET_COLUMNS, benchAssetRows } from './seed-db.js';

export interface DatabaseSize {
  assets: number;
  /** Everything the database holds for them: table, indexes, timeline buckets. */
  bytesPerAsset: number;
  /** PostgreSQL only: the assets table's indexes, by name. */
  indexBytesPerAsset?: Record<string, number>;
}

/**
 * Bytes of database per asset, for capacity planning (docs/capacity.md): `count` assets shaped
 * like a phone library (the timeline benchmark's rows), in each dialect's schema as Keepsake
 * migrates it, triggers included.
 */
export async function measureDatabaseSize(
  dialect: 'sqlite' | 'postgres',
  count: number,
): Promise<DatabaseSize> {
  const sqlitePath = join(WORK, `size-${randomUUID()}.db`);
  const postgres = dialect === 'postgres' ? await createTestDatabase() : undefined;
  const connection = await openDatabase(postgres?.url ?? sqlitePath);
  try {
    await migrateToLatest(connection);
    await fill(connection, count);
    if (dialect === 'sqlite') {
      await sql`pragma wal_checkpoint(truncate)`.execute(connection.db);
      return { assets: count, bytesPerAsset: (await stat(sqlitePath)).size / count };
    }
    await sql`vacuum analyze`.execute(connection.db);
    const total = await sql<{ bytes: string }>`
      select sum(pg_total_relation_size(c.oid))::text as bytes
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'`.execute(connection.db);
    const indexes = await sql<{ name: string; bytes: string }>`
      select indexrelname as name, pg_relation_size(indexrelid)::text as bytes
      from pg_stat_user_indexes where relname = 'assets'`.execute(connection.db);
    return {
      assets: count,
      bytesPerAsset: Number(total.rows[0]!.bytes) / count,
      indexBytesPerAsset: Object.fromEntries(
        indexes.rows.map((r) => [r.name, Number(r.bytes) / count]),
      ),
    };
  } finally {
    await connection.close();
    await postgres?.drop();
    for (const suffix of ['', '-wal', '-shm']) await rm(sqlitePath + suffix, { force: true });
  }
}

async function fill({ db }: DatabaseConnection, count: number): Promise<void> {
  const ownerId = randomUUID();
  await db
    .insertInto('users')
    .values({
      id: ownerId,
      email: 'size@keepsake.test',
      name: 'Size',
      password_hash: 'x',
      is_admin: 1,
      created_at: new Date().toISOString(),
    })
    .execute();
  // 500 rows a statement keeps PostgreSQL's bind parameters (65,535) and SQLite's (32,766) in bounds.
  let batch: Record<string, unknown>[] = [];
  const flush = async () => {
    if (batch.length)
      await db
        .insertInto('assets')
        .values(batch as never)
        .execute();
    batch = [];
  };
  for (const row of benchAssetRows(ownerId, count)) {
    batch.push(Object.fromEntries(ASSET_COLUMNS.map((column, i) => [column, row[i]])));
    if (batch.length === 500) await flush();
  }
  await flush();
}
