import { AppError } from '../errors.js';

/** Consecutive failed sign-ins per (normalised) email, shared by every API process. */
export interface LoginFailureStore {
  get(email: string): Promise<LoginFailures | undefined>;
  /**
   * Counts one more failure, atomically (two processes failing at once both count), starting
   * again from 1 when the last one was before `resetBefore`; returns the new count.
   */
  addFailure(email: string, at: string, resetBefore: string): Promise<number>;
  lockUntil(email: string, until: string): Promise<void>;
  clear(email: string): Promise<void>;
  /** Forgets failures older than `before` (the hourly clean-up). */
  deleteOlderThan(before: string): Promise<number>;
}

export interface LoginFailures {
  failures: number;
  lockedUntil: string | null;
}

/*
 * [Note: Sign-in back-off]
 *
 * Besides the per-address limit (KEEPSAKE_LOGIN_RATE_LIMIT, which a guesser with many addresses
 * escapes), each email gets its own: after FREE_FAILURES (5) wrong passwords in a row the email
 * is locked for 30 s, and each further failure locks it twice as long as the last, up to
 * MAX_LOCK (15 min). While locked, sign-in answers 429 without looking at the password. A correct
 * password clears the count (but not a lock it passed from a known device, below); a day without
 * failures forgets it. Any email counts the same,
 * whether it has an account or not, so the answer never tells which emails do.
 *
 * The lock is bounded (a guesser gets at most ~100 tries a day per account), and it cannot be used
 * to lock the owner out: a browser that has signed in to the account before holds a device cookie
 * (`keepsake_device`, httpOnly, sent only to /api/auth, its SHA-256 stored per user), and sign-ins
 * from it skip the lock (failures from it still count). So a stranger hammering the account
 * locks out only other strangers and new devices; the owner signs in as usual from a known one.
 * A sign-in from a new device waits at most MAX_LOCK between tries.
 */
export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 15 * 60_000;
const FORGET_AFTER_MS = 86_400_000;

export class LoginThrottle {
  constructor(
    private readonly store: LoginFailureStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Throws 429 LOGIN_LOCKED while the email is locked. */
  async assertOpen(email: string): Promise<void> {
    const state = await this.store.get(email);
    const wait = state?.lockedUntil ? Date.parse(state.lockedUntil) - this.now().getTime() : 0;
    if (wait > 0)
      throw new AppError(
        'LOGIN_LOCKED',
        `Too many failed sign-ins for this account: try again in ${Math.ceil(wait / 1000)} s.`,
      );
  }

  async recordFailure(email: string): Promise<void> {
    const now = this.now();
    const failures = await this.store.addFailure(
      email,
      now.toISOString(),
      new Date(now.getTime() - FORGET_AFTER_MS).toISOString(),
    );
    const lockMs = lockFor(failures);
    if (lockMs > 0)
      await this.store.lockUntil(email, new Date(now.getTime() + lockMs).toISOString());
  }

  /** A correct password clears the count, but not a lock it passed from a known device. */
  async recordSuccess(email: string): Promise<void> {
    const state = await this.store.get(email);
    if (!state) return;
    if (state.lockedUntil && Date.parse(state.lockedUntil) > this.now().getTime()) return;
    await this.store.clear(email);
  }

  /** Forgets failures nobody repeated for a day. */
  purgeStale(): Promise<number> {
    return this.store.deleteOlderThan(
      new Date(this.now().getTime() - FORGET_AFTER_MS).toISOString(),
    );
  }
}

/** How long the email is locked after its `failures`-th failure in a row (0: not at all). */
export const lockFor = (failures: number): number =>
  failures < FREE_FAILURES
    ? 0
    : Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** Math.min(failures - FREE_FAILURES, 20));
