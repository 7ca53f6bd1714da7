import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { TimelineItem } from '../timeline/timeline.js';
import { isRealDay, localDayOf } from './days.js';
import { monthDaysFor, pickOnThisDay, type MemoryYear } from './on-this-day.js';
import { fingerprintOf, servedFrom, toStored, type StoredMemories } from './stored-memories.js';

/** Reads the candidates of one owner's day, and keeps picks. See: [Note: On this day]. */
export interface MemoryRepository {
  /**
   * The owner's visible assets (not trashed, archived or hidden) taken on one of `monthDays`
   * (`MM-DD`, local capture date) in a year before `beforeYear`.
   */
  takenOnMonthDays(
    ownerId: string,
    monthDays: string[],
    beforeYear: number,
  ): Promise<TimelineItem[]>;
  getStored(ownerId: string, day: string): Promise<StoredMemories | undefined>;
  /**
   * Stores the owner's pick for `day`. With `replace`, over one stored already; without, a pick
   * stored already stays (the daily job never overwrites what a reader stored first).
   */
  store(
    ownerId: string,
    day: string,
    memories: StoredMemories,
    options: { replace: boolean; at: string },
  ): Promise<void>;
  /** Owners whose pick for `day` is stored. */
  ownersStoredOn(day: string): Promise<string[]>;
}

/** "On this day": photos of the same day in earlier years. See: [Note: Daily memories]. */
export class MemoriesService {
  constructor(
    private readonly memories: MemoryRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * `day` is `YYYY-MM-DD`; without one, today in the server's time zone. Today's pick is the
   * stored one while the day's candidates are the same assets; otherwise it is chosen now (and,
   * for today, stored).
   */
  async onThisDay(ownerId: string, day?: string): Promise<MemoryYear[]> {
    if (day !== undefined && !isRealDay(day))
      throw new AppError('VALIDATION_FAILED', 'date must be YYYY-MM-DD.');
    const today = localDayOf(this.clock.now());
    const asked = day ?? today;
    const year = Number(asked.slice(0, 4));
    const candidates = await this.candidatesOf(ownerId, asked);
    if (asked !== today) return pickOnThisDay(candidates, year);

    const fingerprint = fingerprintOf(candidates);
    const stored = await this.memories.getStored(ownerId, today);
    if (stored?.candidates === fingerprint) return servedFrom(stored.years, candidates, year);
    const years = pickOnThisDay(candidates, year);
    await this.memories.store(ownerId, today, toStored(years, fingerprint), {
      replace: true,
      at: this.clock.now().toISOString(),
    });
    return years;
  }

  /** Chooses and stores the owner's memories of `day`, unless some are stored already. */
  async storeDay(ownerId: string, day: string): Promise<void> {
    const candidates = await this.candidatesOf(ownerId, day);
    const years = pickOnThisDay(candidates, Number(day.slice(0, 4)));
    await this.memories.store(ownerId, day, toStored(years, fingerprintOf(candidates)), {
      replace: false,
      at: this.clock.now().toISOString(),
    });
  }

  ownersStoredOn(day: string): Promise<string[]> {
    return this.memories.ownersStoredOn(day);
  }

  private candidatesOf(ownerId: string, day: string): Promise<TimelineItem[]> {
    return this.memories.takenOnMonthDays(ownerId, monthDaysFor(day), Number(day.slice(0, 4)));
  }
}
