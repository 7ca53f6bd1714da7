import type { Kysely } from 'kysely';

// Family: per-user storage quotas, disabling and scheduled deletion of users, and partners (one
// person's whole library shared read-only with another).
export async function up(db: Kysely<unknown>): Promise<void> {
  // Null: no limit. Counted against the sum of the user's own assets' file sizes.
  await db.schema.alterTable('users').addColumn('quota_bytes', 'bigint').execute();
  // A disabled user can neither sign in nor use a session or API key.
  await db.schema.alterTable('users').addColumn('disabled_at', 'text').execute();
  // Set when an admin deletes the user: after this instant maintenance deletes their data.
  await db.schema.alterTable('users').addColumn('delete_after', 'text').execute();

  // `owner_id` shares their library with `partner_id`; `in_timeline` is the partner's choice to
  // see those photos in their own timeline.
  await db.schema
    .createTable('partners')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('partner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('in_timeline', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('partners_owner_partner_unique', ['owner_id', 'partner_id'])
    .execute();
  // "Who shares with me": every asset read by a non-owner asks this.
  await db.schema
    .createIndex('partners_partner_idx')
    .on('partners')
    .columns(['partner_id', 'owner_id'])
    .execute();
}
