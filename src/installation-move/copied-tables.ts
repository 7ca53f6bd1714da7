import type { Database } from '../adapters/db/schema.js';

export type Row = Record<string, unknown>;

/** Unique columns besides the primary key: a target row holding the same values blocks an insert. */
export type UniqueColumns = readonly (readonly string[])[];

export interface CopiedTable {
  name: keyof Database;
  unique: UniqueColumns;
}

/**
 * The tables copied row for row, parents before the rows that reference them. Every one has a
 * text `id` primary key, which is also the order rows are read and written in.
 *
 * Not here: `timeline_buckets`, which the target's triggers fill as assets arrive (copying it too
 * would count every asset twice; the verification compares it with the source's), and `jobs` and
 * `job_outbox`, which depend on the target's queue (job-carry-over.ts).
 */
export const COPIED_TABLES: readonly CopiedTable[] = [
  { name: 'users', unique: [['email']] },
  { name: 'sessions', unique: [['token_hash']] },
  { name: 'api_keys', unique: [['key_hash']] },
  { name: 'partners', unique: [['owner_id', 'partner_id']] },
  { name: 'assets', unique: [['owner_id', 'checksum']] },
  { name: 'albums', unique: [] },
  { name: 'album_assets', unique: [['album_id', 'asset_id']] },
  { name: 'album_users', unique: [['album_id', 'user_id']] },
  { name: 'album_activity', unique: [['album_id', 'user_id', 'asset_id', 'kind']] },
  { name: 'shared_links', unique: [['key_hash']] },
  { name: 'shared_link_assets', unique: [['link_id', 'asset_id']] },
  { name: 'memories', unique: [['owner_id', 'day']] },
  { name: 'memory_runs', unique: [] },
  // What the vision steps found comes along with the record that they ran, so the target does
  // not run them all again.
  { name: 'asset_steps', unique: [['asset_id', 'step']] },
  { name: 'asset_tags', unique: [['asset_id', 'name']] },
  { name: 'asset_texts', unique: [['asset_id']] },
  { name: 'people', unique: [] },
  { name: 'faces', unique: [] },
  { name: 'asset_embeddings', unique: [['asset_id'], ['key']] },
  { name: 'asset_fingerprints', unique: [['asset_id']] },
  { name: 'duplicate_dismissals', unique: [['owner_id', 'group_id']] },
];
