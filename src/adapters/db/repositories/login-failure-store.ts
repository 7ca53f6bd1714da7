import { sql, type Kysely } from 'kysely';
import type { LoginFailures, LoginFailureStore } from '../../../core/auth/login-throttle.js';
import type { Database } from '../schema.js';

/** Failed sign-ins per email, in the database every API process shares. */
export class KyselyLoginFailureStore implements LoginFailureStore {
  constructor(private readonly db: Kysely<Database>) {}

  async get(email: string): Promise<LoginFailures | undefined> {
    const row = await this.db
      .selectFrom('login_failures')
      .select(['failures', 'locked_until'])
      .where('email', '=', email)
      .executeTakeFirst();
    return row && { failures: Number(row.failures), lockedUntil: row.locked_until };
  }

  async addFailure(email: string, at: string, resetBefore: string): Promise<number> {
    const row = await this.db
      .insertInto('login_failures')
      .values({ email, failures: 1, last_failed_at: at, locked_until: null })
      .onConflict((oc) =>
        oc.column('email').doUpdateSet({
          failures: sql<number>`CASE WHEN login_failures.last_failed_at < ${resetBefore} THEN 1 ELSE login_failures.failures + 1 END`,
          last_failed_at: at,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    return Number(row.failures);
  }

  async lockUntil(email: string, until: string): Promise<void> {
    await this.db
      .updateTable('login_failures')
      .set({ locked_until: until })
      .where('email', '=', email)
      .execute();
  }

  async clear(email: string): Promise<void> {
    await this.db.deleteFrom('login_failures').where('email', '=', email).execute();
  }

  async deleteOlderThan(before: string): Promise<number> {
    const result = await this.db
      .deleteFrom('login_failures')
      .where('last_failed_at', '<', before)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
