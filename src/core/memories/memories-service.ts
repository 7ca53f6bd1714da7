import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { TimelineItem } from '../timeline/timeline.js';
import { monthDaysFor, pickOnThisDay, type MemoryYear } from './on-this-day.js';

/** Reads the candidates of one owner's day. See: [Note: On this day]. */
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
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "On this day": photos of the same day in earlier years. */
export class MemoriesService {
  constructor(
    private readonly memories: MemoryRepository,
    private readonly clock: Clock,
  ) {}

  /** `day` is `YYYY-MM-DD`; without one, today in the server's time zone. */
  async onThisDay(ownerId: string, day: string = this.today()): Promise<MemoryYear[]> {
    if (!isRealDay(day)) throw new AppError('VALIDATION_FAILED', 'date must be YYYY-MM-DD.');
    const year = Number(day.slice(0, 4));
    const candidates = await this.memories.takenOnMonthDays(ownerId, monthDaysFor(day), year);
    return pickOnThisDay(candidates, year);
  }

  private today(): string {
    const now = this.clock.now();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
}

function isRealDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === day;
}
