import type { Clock } from '../ports/clock.js';
import type { Job, JobOutcome, NewJob } from '../ports/job-queue.js';
import { daysBefore, isRealDay, localDayOf } from './days.js';
import type { MemoriesService } from './memories-service.js';

/*
 * [Note: Daily memories]
 * Each day's memories ([Note: On this day]) are chosen once and stored, one row per owner and day
 * (`memories`), so the pick stays the same all day and is ready before anyone asks.
 *
 * The daily job is a job on the durable queue (`memories`, counted in GET /api/jobs like the
 * pipeline's queues), not a bare maintenance task: it is retried when it throws and its failures
 * are seen. It runs beside the pipeline, not in it, since it belongs to no asset. Every worker
 * process calls `queueToday` just after each local midnight and in its hourly maintenance; `memory_runs` gets the day's row in the same
 * transaction that queues the job (the table queue's row, or the outbox's), so however many
 * processes try, one job is queued per day, and a restart after that loses nothing: the job is
 * in the queue, or done. The job stores every active user's pick, skipping owners whose day is
 * stored already (a retry goes on where it stopped; a reader may have stored it first), then
 * forgets days older than KEEP_DAYS. Until it has run (seconds after midnight, or at the first
 * hourly tick after a start), the first read of the day chooses and stores the pick itself.
 *
 * A stored pick is served while the day's candidates are the same assets: it keeps a fingerprint
 * of their ids. Each asset is read again from the candidates, so edits show (a new time, a
 * favorite) and favoriting a photo in the story does not reorder the story. When the set changes
 * (a photo uploaded, restored, unarchived or dated into the day; one trashed, archived, hidden or
 * dated out of it), the next read chooses again from what is there now and stores that: nothing
 * needs to tell memories about uploads or edits, and a photo gone from the day is never served.
 * Another day (`?date=`) is chosen on each request and not stored.
 */
export const MEMORIES_QUEUE = 'memories';
/** Stored days kept before today's: a client still showing yesterday's is not left empty. */
export const KEEP_DAYS = 3;

/** When the daily job was queued, and whom it is for. */
export interface DailyMemoryRuns {
  /**
   * Marks `day` queued and queues `job`, in one transaction; false (nothing queued) when the
   * day was marked already.
   */
  queueOnce(day: string, job: NewJob): Promise<boolean>;
  /** Users who are neither disabled nor awaiting deletion. */
  activeOwnerIds(): Promise<string[]>;
  /** Forgets stored memories and runs of days before `day`. */
  pruneBefore(day: string): Promise<void>;
}

/** The daily memories job: queued once a day, run on the `memories` queue. */
export class DailyMemories {
  constructor(
    private readonly memories: MemoriesService,
    private readonly runs: DailyMemoryRuns,
    private readonly clock: Clock,
  ) {}

  /** Queues today's job (the server's local date) unless it was queued already; true if now. */
  queueToday(): Promise<boolean> {
    const day = localDayOf(this.clock.now());
    return this.runs.queueOnce(day, {
      name: 'memories',
      queue: MEMORIES_QUEUE,
      payload: { day },
      key: `memories-${day}`,
    });
  }

  /** The job's handler: stores every active user's memories of the job's day. */
  readonly run = async (job: Job): Promise<JobOutcome> => {
    const day = String(job.payload.day);
    if (!isRealDay(day)) return { status: 'failed', reason: `not a day: ${day}` };
    const stored = new Set(await this.memories.ownersStoredOn(day));
    for (const ownerId of await this.runs.activeOwnerIds()) {
      if (!stored.has(ownerId)) await this.memories.storeDay(ownerId, day);
    }
    await this.runs.pruneBefore(daysBefore(day, KEEP_DAYS));
    return { status: 'completed' };
  };
}
