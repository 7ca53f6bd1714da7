import type { Kysely } from 'kysely';

// What people see of their own sign-ins, and how sign-in guessing is slowed per account.
// - `sessions.user_agent`, `sessions.last_seen_at`: shown on the account page so a person can
//   tell their sessions apart and end one they do not recognise (last seen is written at most
//   every few minutes, not on every request).
// - `login_failures`: consecutive failed sign-ins per (normalised) email, and until when that
//   email is refused; in the database so every API process shares it. See [Note: Sign-in
//   back-off] in core/auth/login-throttle.ts.
// - `login_devices`: browsers that signed in to an account before (by the SHA-256 of a cookie's
//   secret): they pass that account's lock, so a stranger guessing cannot lock its owner out.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('last_seen_at', 'text').execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failed_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute();

  await db.schema
    .createTable('login_devices')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('login_devices_user_idx')
    .on('login_devices')
    .column('user_id')
    .execute();
}
