import type pg from 'pg';
import { ERRORS, type Lock, type Locker, type RequestRelease } from '@tus/server';
import { redactPassword } from '../db/redact-password.js';
import { errorMessage } from '../../core/errors.js';
import type { Logger } from '../../core/ports/logger.js';
import { fallbackLogger } from '../logging/pino-logger.js';

const RELEASE_CHANNEL = 'keepsake_tus_release';

export interface PostgresLockerOptions {
  /** How long a request waits for an upload's lock before failing (500): 30 s, as tus's own. */
  acquireTimeoutMs?: number;
  /** How often a waiting request tries again and asks the holder to let go. */
  retryMs?: number;
  /** Where a lost connection is reported. */
  logger?: Logger;
}

/**
 * tus locks that hold across processes: a PostgreSQL advisory lock per upload, taken on one
 * connection this process keeps for them, so that two API processes never write the same upload
 * at once (parts numbered from the same listing would overwrite each other). Within the process
 * a map does the same, as tus's MemoryLocker does.
 *
 * A request that finds the upload locked asks the holder to let go, as MemoryLocker does: here
 * with NOTIFY, which the holding process hears on its connection and passes to its request (the
 * tus server then ends that request's write with what it received and releases the lock). A
 * client that resumes on another process after losing its connection therefore gets the offset
 * the first process saved, not one read while it was still writing.
 *
 * If the connection drops, PostgreSQL releases its locks; the next lock reconnects.
 */
export class PostgresLocker implements Locker {
  /** Uploads whose lock this process holds or is taking, with how to ask the holder to let go. */
  readonly held = new Map<string, RequestRelease>();
  private connection?: Promise<pg.Client>;
  private closed = false;
  readonly acquireTimeoutMs: number;
  readonly retryMs: number;
  private readonly logger: Logger;

  constructor(
    private readonly url: string,
    options: PostgresLockerOptions = {},
  ) {
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000;
    this.retryMs = options.retryMs ?? 100;
    this.logger = options.logger ?? fallbackLogger();
  }

  newLock(id: string): Lock {
    return new PostgresLock(this, id);
  }

  /** Takes the advisory lock for `id` if no other session holds it. */
  async tryLock(id: string): Promise<boolean> {
    const { rows } = await (
      await this.client()
    ).query<{ locked: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as locked', [
      lockName(id),
    ]);
    return rows[0]?.locked === true;
  }

  async unlock(id: string): Promise<void> {
    // A lost connection has released the lock already.
    await (
      await this.client()
    )
      .query('select pg_advisory_unlock(hashtextextended($1, 0))', [lockName(id)])
      .catch(() => undefined);
  }

  /** Asks whichever process holds `id` to let go. */
  async requestRelease(id: string): Promise<void> {
    await (await this.client()).query('select pg_notify($1, $2)', [RELEASE_CHANNEL, id]);
  }

  async close(): Promise<void> {
    this.closed = true;
    const connection = this.connection;
    this.connection = undefined;
    if (connection) await (await connection.catch(() => undefined))?.end().catch(() => undefined);
  }

  private client(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('the upload locker is closed'));
    if (!this.connection) {
      // Forgotten when it fails or ends, so that the next lock connects again.
      const forget = () => {
        if (this.connection === attempt) this.connection = undefined;
      };
      const attempt = this.connect(forget);
      attempt.catch(forget);
      this.connection = attempt;
    }
    return this.connection;
  }

  private async connect(lost: () => void): Promise<pg.Client> {
    const { default: pgModule } = await import('pg');
    const client = new pgModule.Client({ connectionString: this.url });
    client.on('error', (error) => {
      lost();
      if (!this.closed)
        this.logger.error({ err: error }, 'upload locker: PostgreSQL connection lost');
    });
    client.on('end', lost);
    client.on('notification', ({ channel, payload }) => {
      const release = channel === RELEASE_CHANNEL && payload ? this.held.get(payload) : undefined;
      if (release)
        void Promise.resolve()
          .then(release)
          .catch(() => undefined);
    });
    try {
      await client.connect();
      await client.query(`listen ${RELEASE_CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw new Error(
        `PostgreSQL at ${redactPassword(this.url)} is not reachable for upload locks: ${errorMessage(
          error,
        )}`,
        { cause: error },
      );
    }
    return client;
  }
}

class PostgresLock implements Lock {
  constructor(
    private readonly locker: PostgresLocker,
    private readonly id: string,
  ) {}

  async lock(stop: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const { locker, id } = this;
    const deadline = Date.now() + locker.acquireTimeoutMs;
    for (;;) {
      if (stop.aborted) throw ERRORS.ERR_LOCK_TIMEOUT;
      const holder = locker.held.get(id);
      if (holder) {
        await holder(); // a request of this process holds it
      } else {
        locker.held.set(id, requestRelease); // claimed before the await: one try per process
        let locked = false;
        try {
          locked = await locker.tryLock(id);
        } finally {
          if (!locked) locker.held.delete(id);
        }
        if (locked) return;
        await locker.requestRelease(id); // another process holds it
      }
      if (Date.now() >= deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      await sleep(locker.retryMs, stop);
    }
  }

  async unlock(): Promise<void> {
    this.locker.held.delete(this.id);
    await this.locker.unlock(this.id);
  }
}

// Namespaced so that it never shares a key with the content locks (hashes of checksums).
const lockName = (id: string) => `keepsake:tus:${id}`;

const sleep = (ms: number, stop: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      stop.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    stop.addEventListener('abort', done, { once: true });
  });
