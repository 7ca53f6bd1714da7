import type { Job as BullJob, JobsOptions, Queue, Worker, WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type {
  Job,
  JobHandlerFn,
  JobPayload,
  JobQueue,
  JobQueueCapabilities,
  NewJob,
  QueueCounts,
} from '../../core/ports/job-queue.js';
import { knownQueues, rememberQueue } from './bullmq-known-queues.js';
import type { Logger } from '../../core/ports/logger.js';
import { fallbackLogger } from '../logging/pino-logger.js';

// Loaded on first use, as the other heavy adapters are: an embedded Keepsake never needs them.
const loadBullmq = () => import('bullmq');
const loadIoredis = async () => (await import('ioredis')).Redis;

export interface BullmqJobQueueOptions {
  /** Namespaces every Redis key, so several Keepsakes (or test runs) can share one Redis. */
  prefix?: string;
  /** First retry delay; doubles with every attempt. */
  retryBaseMs?: number;
  defaultMaxAttempts?: number;
  /** Queues that `counts()` reports even before this process uses them (the pipeline's). */
  queues?: readonly string[];
  /** Completed jobs are kept this long for counts and inspection (failed ones are kept). */
  keepCompletedMs?: number;
  /** How long a worker's hold on a job lasts without renewal. See: [Note: Stalled BullMQ jobs]. */
  lockDurationMs?: number;
  /** How often workers look for jobs whose worker died. See: [Note: Stalled BullMQ jobs]. */
  stalledIntervalMs?: number;
  /** Times a job may be found stalled before it fails. See: [Note: Stalled BullMQ jobs]. */
  maxStalledCount?: number;
  /** Where failures in the background go (a worker that stopped, a lost connection). */
  logger?: Logger;
}

export interface EnqueueOptions {
  /** A job added again under an id BullMQ still holds is stored once (the outbox relay's retry). */
  jobId?: string;
}

/*
 * [Note: Stalled BullMQ jobs]
 * A worker holds a lock on each job it runs (`lockDurationMs`, renewed at half that while the
 * process lives). Every `stalledIntervalMs` each worker marks the active jobs; a marked job whose
 * lock has expired by the next check had its worker die (SIGKILL, OOM, lost host) and goes back to
 * waiting for any worker. Each start counts as an attempt (`attemptsStarted`), so a picture that
 * kills its worker every time is given up by the job runner once its attempts are used, with a
 * reason on the asset; BullMQ's own limit (`maxStalledCount`, which would fail the job without
 * telling anyone) is only a backstop far above that.
 *
 * Delivery is therefore at least once: a dead worker's job runs again, and a worker that froze past
 * its lock may still be running when another takes the job. It is never *completed* twice: BullMQ
 * finishes a job only for the lock token of the worker that holds it, so the late finish of a
 * worker that lost the lock is refused. Keepsake's handlers are idempotent, so running twice is safe.
 * What a job queues is not undone with it, though: the runner queues a step's follow-up under a
 * key made from the step's job id, so a step that runs again queues no second follow-up.
 */

/** Set when `close` runs out of grace; a handler still running then is handed back. */
const ABANDONED = Symbol('abandoned');

/**
 * The scale-out job queue: BullMQ on Redis, shared by any number of worker processes. Retries,
 * delays and exactly-once completion are BullMQ's; this maps them onto the port.
 */
export class BullmqJobQueue implements JobQueue {
  readonly capabilities: JobQueueCapabilities = { delayedJobs: true };
  private readonly options: Required<Omit<BullmqJobQueueOptions, 'queues'>>;
  private readonly queues = new Map<string, Promise<Queue>>();
  private readonly workers: Promise<Worker | undefined>[] = [];
  private readonly connections = new Map<'queues' | 'workers', Promise<Redis>>();
  private readonly knownKey: string;
  private abandon: (value: typeof ABANDONED) => void = () => {};
  private readonly abandoned = new Promise<typeof ABANDONED>((resolve) => (this.abandon = resolve));
  private closed = false;
  private closing: Promise<void> | undefined;

  /** @param redisUrl `redis://host:port/db` */
  constructor(
    private readonly redisUrl: string,
    options: BullmqJobQueueOptions = {},
  ) {
    const { queues = [], ...rest } = options;
    this.options = {
      prefix: 'keepsake',
      retryBaseMs: 5000,
      defaultMaxAttempts: 5,
      keepCompletedMs: 24 * 3_600_000,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      maxStalledCount: 100,
      ...rest,
      logger: rest.logger ?? fallbackLogger(),
    };
    this.knownKey = `${redisUrl} ${this.options.prefix}`;
    for (const queue of queues) rememberQueue(this.knownKey, queue);
  }

  async enqueue(job: NewJob, options: EnqueueOptions = {}): Promise<void> {
    const queue = await this.queueNamed(job.queue);
    const jobOptions: JobsOptions = {
      attempts: job.maxAttempts ?? this.options.defaultMaxAttempts,
      backoff: { type: 'exponential', delay: this.options.retryBaseMs },
      removeOnComplete: { age: Math.ceil(this.options.keepCompletedMs / 1000) },
      removeOnFail: false,
    };
    if (job.delayMs) jobOptions.delay = job.delayMs;
    const jobId = options.jobId ?? job.key;
    if (jobId) jobOptions.jobId = jobId;
    await queue.add(job.name, job.payload, jobOptions);
  }

  work(queue: string, concurrency: number, handler: JobHandlerFn): void {
    this.assertOpen();
    rememberQueue(this.knownKey, queue);
    const started = this.startWorker(queue, concurrency, handler).catch((error) => {
      this.options.logger.error({ err: error, queue }, 'BullMQ worker did not start');
      return undefined;
    });
    this.workers.push(started);
  }

  async counts(): Promise<Record<string, QueueCounts>> {
    const names = [...knownQueues(this.knownKey)];
    const entries = await Promise.all(
      names.map(async (name) => [name, await this.countsOf(name)] as const),
    );
    return Object.fromEntries(entries);
  }

  /**
   * Workers stop taking jobs and running ones get `graceMs` to finish; any still running then is
   * moved back to waiting for another worker (its handler's late result is ignored).
   */
  close(graceMs = 10_000): Promise<void> {
    this.closing ??= this.shutDown(graceMs);
    return this.closing;
  }

  private async shutDown(graceMs: number): Promise<void> {
    this.closed = true;
    const workers = (await Promise.all(this.workers)).filter((w) => w !== undefined);
    const closing = Promise.all(workers.map((worker) => worker.close()));
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
    await Promise.race([closing, graceOver]);
    clearTimeout(timer);
    this.abandon(ABANDONED);
    await closing;
    const queues = await Promise.allSettled(this.queues.values());
    await Promise.all(queues.map((q) => (q.status === 'fulfilled' ? q.value.close() : undefined)));
    // BullMQ closes the connections it made (each worker's blocking one), never the ones it was
    // given: an ioredis client left open keeps the process alive.
    const connections = await Promise.allSettled(this.connections.values());
    await Promise.all(
      connections.map((c) =>
        c.status === 'fulfilled' ? c.value.quit().catch(() => c.value.disconnect()) : undefined,
      ),
    );
  }

  private async startWorker(
    queue: string,
    concurrency: number,
    handler: JobHandlerFn,
  ): Promise<Worker> {
    const { Worker } = await loadBullmq();
    const options: WorkerOptions = {
      connection: await this.connection('workers'),
      prefix: this.options.prefix,
      concurrency,
      lockDuration: this.options.lockDurationMs,
      stalledInterval: this.options.stalledIntervalMs,
      maxStalledCount: this.options.maxStalledCount,
    };
    const worker = new Worker<JobPayload>(
      queue,
      (job, token) => this.run(queue, job, token, handler),
      options,
    );
    // BullMQ reconnects by itself; an 'error' without a listener would end the process.
    worker.on('error', (error) => {
      if (!this.closed) this.options.logger.error({ err: error, queue }, 'BullMQ worker error');
    });
    return worker;
  }

  private async run(
    queue: string,
    bullJob: BullJob<JobPayload>,
    token: string | undefined,
    handler: JobHandlerFn,
  ): Promise<void> {
    const { UnrecoverableError, WaitingError } = await loadBullmq();
    const outcome = await Promise.race([handler(toJob(queue, bullJob)), this.abandoned]);
    if (outcome === ABANDONED) {
      // Handing the job back now lets the next worker take it at once, not a stalled check later,
      // and does not count as a stall. WaitingError tells BullMQ the job was moved already.
      if (token) await bullJob.moveToWait(token).catch(() => {});
      throw new WaitingError();
    }
    // An expected failure: BullMQ fails the job for good, with this reason, and does not retry.
    if (outcome.status === 'failed') throw new UnrecoverableError(outcome.reason);
  }

  private async countsOf(name: string): Promise<QueueCounts> {
    const queue = await this.queueNamed(name);
    const c = await queue.getJobCounts(
      'waiting',
      'delayed',
      'prioritized',
      'waiting-children',
      'active',
      'completed',
      'failed',
    );
    const count = (type: string) => c[type] ?? 0;
    return {
      waiting:
        count('waiting') + count('delayed') + count('prioritized') + count('waiting-children'),
      active: count('active'),
      completed: count('completed'),
      failed: count('failed'),
    };
  }

  private queueNamed(name: string): Promise<Queue> {
    this.assertOpen();
    rememberQueue(this.knownKey, name);
    let queue = this.queues.get(name);
    if (!queue) {
      queue = Promise.all([loadBullmq(), this.connection('queues')]).then(([{ Queue }, redis]) => {
        const created = new Queue(name, {
          connection: redis,
          prefix: this.options.prefix,
        });
        created.on('error', (error) => {
          if (!this.closed)
            this.options.logger.error({ err: error, queue: name }, 'BullMQ queue error');
        });
        return created;
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * One client for every Queue and one for every Worker. BullMQ's ESM build cannot open
   * connections from options (it has no `require` for ioredis), so it is handed clients. Workers
   * wait on Redis through outages (`maxRetriesPerRequest: null`, as BullMQ requires); queue calls
   * (enqueue, counts) give up after ioredis' retries, so a caller sees an outage as an error.
   */
  private connection(role: 'queues' | 'workers'): Promise<Redis> {
    let connection = this.connections.get(role);
    if (!connection) {
      connection = loadIoredis().then((Redis) => {
        const redis = new Redis(this.redisUrl, {
          maxRetriesPerRequest: role === 'workers' ? null : 20,
          connectionName: `${this.options.prefix}:keepsake-${role}`,
        });
        redis.on('error', (error) => {
          if (!this.closed)
            this.options.logger.error({ err: error, role }, 'Redis connection error');
        });
        return redis;
      });
      this.connections.set(role, connection);
    }
    return connection;
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The BullMQ job queue is closed');
  }
}

function toJob(queue: string, job: BullJob<JobPayload>): Job {
  return {
    id: String(job.id),
    name: job.name,
    queue,
    payload: job.data,
    // attemptsStarted also counts the starts whose worker died: see [Note: Stalled BullMQ jobs].
    attempt: Math.max(job.attemptsMade + 1, job.attemptsStarted),
    maxAttempts: job.opts.attempts ?? 1,
  };
}
