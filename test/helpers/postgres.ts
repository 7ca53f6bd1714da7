import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the tests use; PostgreSQL runs there on these machines and in CI (trust auth). */
export const POSTGRES_SERVER =
  process.env.KEEPSAKE_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file, dropped afterwards. A server that does not answer
 * fails the test with its address: these tests never pass or skip without PostgreSQL.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `keepsake_test_${randomBytes(6).toString('hex')}`;
  await admin(async (client) => {
    await client.query(`CREATE DATABASE ${name}`);
  });
  return {
    url: `${POSTGRES_SERVER}/${name}`,
    drop: () =>
      admin(async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      }),
  };
}

async function admin(use: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: `${POSTGRES_SERVER}/postgres` });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is needed by these tests and does not answer at ${POSTGRES_SERVER} ` +
        `(set KEEPSAKE_TEST_POSTGRES to another server): ${(error as Error).message}`,
      { cause: error },
    );
  }
  try {
    await use(client);
  } finally {
    await client.end();
  }
}
