import type { ColumnDefinitionBuilder, Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

/**
 * What differs between the SQL engines Keepsake runs on, declared once per dialect so that
 * queries and migrations never ask which engine they talk to.
 */
export interface DialectFeatures {
  readonly name: string;
  readonly autoIncrementType: 'integer' | 'bigserial';
  autoIncrement(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** Triggers that keep `timeline_buckets` in step with `assets` under a visibility rule. */
  timelineBucketTriggers(rule: BucketRule): string[];
  readonly dropTimelineBucketTriggers: readonly string[];
  /** `FOR UPDATE SKIP LOCKED` lets many workers take jobs without waiting on each other. */
  readonly supportsSkipLocked: boolean;
  /** Serialises transactions on one content checksum. See: [Note: Content locks]. */
  lockContent(trx: Transaction<Database>, checksum: string): Promise<void>;
}

export interface DatabaseConnection {
  db: Kysely<Database>;
  features: DialectFeatures;
  /** Makes every transaction committed so far durable (survives a power cut). */
  flushCommits(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Which assets a timeline month counts. Each migration that changes the rule states it in full,
 * so an old migration replays exactly as it first ran.
 */
export interface BucketRule {
  /** Columns the rule reads, besides owner and month: an update of one of them recounts. */
  columns: readonly string[];
  /** The SQL condition on the trigger's `NEW` or `OLD` row. */
  visible(row: 'NEW' | 'OLD'): string;
}
