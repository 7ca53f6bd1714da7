import { sql, type Kysely } from 'kysely';
import type { MemoryRepository } from '../../../core/memories/memories-service.js';
import type { StoredMemories, StoredYear } from '../../../core/memories/stored-memories.js';
import type { TimelineItem } from '../../../core/timeline/timeline.js';
import type { Database } from '../schema.js';
import { TIMELINE_ITEM_COLUMNS, toTimelineItem } from './timeline-repository.js';

/** More than any day needs; bounds a library that photographed one day by the thousand. */
const MAX_CANDIDATES = 2000;

export class KyselyMemoryRepository implements MemoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async takenOnMonthDays(
    ownerId: string,
    monthDays: string[],
    beforeYear: number,
  ): Promise<TimelineItem[]> {
    // Written exactly as assets_month_day_idx is (literal 6 and 5, not parameters), so both
    // engines read one index range per month-day.
    const monthDay = sql<string>`substr(taken_local, 6, 5)`;
    const rows = await this.db
      .selectFrom('assets')
      .select(TIMELINE_ITEM_COLUMNS)
      .where('owner_id', '=', ownerId)
      .where(monthDay, 'in', monthDays)
      .where('taken_local', '<', String(beforeYear).padStart(4, '0'))
      .where('is_archived', '=', 0)
      .where('trashed_at', 'is', null)
      .where('is_hidden', '=', 0)
      .orderBy('taken_local', 'desc')
      .limit(MAX_CANDIDATES)
      .execute();
    return rows.map(toTimelineItem);
  }

  async getStored(ownerId: string, day: string): Promise<StoredMemories | undefined> {
    const row = await this.db
      .selectFrom('memories')
      .select(['years', 'candidates'])
      .where('owner_id', '=', ownerId)
      .where('day', '=', day)
      .executeTakeFirst();
    return row && { years: JSON.parse(row.years) as StoredYear[], candidates: row.candidates };
  }

  async store(
    ownerId: string,
    day: string,
    memories: StoredMemories,
    options: { replace: boolean; at: string },
  ): Promise<void> {
    const values = {
      years: JSON.stringify(memories.years),
      candidates: memories.candidates,
      computed_at: options.at,
    };
    await this.db
      .insertInto('memories')
      .values({ id: crypto.randomUUID(), owner_id: ownerId, day, ...values })
      .onConflict((oc) => {
        const same = oc.columns(['owner_id', 'day']);
        return options.replace ? same.doUpdateSet(values) : same.doNothing();
      })
      .execute();
  }

  async ownersStoredOn(day: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('memories')
      .select('owner_id')
      .where('day', '=', day)
      .execute();
    return rows.map((r) => r.owner_id);
  }
}
