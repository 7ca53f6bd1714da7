import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import type { DatabaseConnection } from '../../src/adapters/db/dialect-features.js';
import { openSqlite } from '../../src/adapters/db/dialects/sqlite.js';
import { migrateToLatest } from '../../src/adapters/db/migrator.js';
import { KyselyTransactor } from '../../src/adapters/db/repositories/transactor.js';
import {
  BullmqJobQueue,
  type BullmqJobQueueOptions,
} from '../../src/adapters/queue/bullmq-job-queue.js';
import { JobOutbox } from '../../src/adapters/queue/job-outbox.js';
import type { AssetRepository } from '../../src/core/assets/asset-repository.js';
import { JobRunner } from '../../src/core/jobs/job-runner.js';
import type { Job, JobQueue, NewJob, QueueCounts } from '../../src/core/ports/job-queue.js';
import { describeJobQueueConformance } from './job-queue.conformance.js';

const REDIS_URL = 'redis://127.0.0.1:6379/0';
// Every run has its own keys, so runs in parallel (CI jobs sharing a Redis) never meet.
const RUN_PREFIX = `keepsake-test-${randomUUID().slice(0, 8)}`;

/** A Redis client for set-up and clean-up; no Redis is a failure, never a skip. */
async function redisOrFail(): Promise<Redis> {
  const redis = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  let refusal: unknown; // ioredis reports why (ECONNREFUSED) as an event, and rejects vaguely
  redis.on('error', (error) => (refusal = error));
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `The BullMQ tests need Redis at ${new URL(REDIS_URL).host}, which did not answer: ` +
        String(refusal ?? error),
      { cause: error },
    );
  }
}

async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 500 })) {
    if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await sleep(20);
  }
};

const countsOf = async (queue: JobQueue, name: string): Promise<QueueCounts> =>
  (await queue.counts())[name] ?? { waiting: 0, active: 0, completed: 0, failed: 0 };

describeJobQueueConformance('BullMQ (Redis)', async () => {
  const redis = await redisOrFail();
  const prefix = `${RUN_PREFIX}-conformance`;
  const open = async () => new BullmqJobQueue(REDIS_URL, { prefix, retryBaseMs: 150 });
  return {
    open,
    reopen: open,
    retryBaseMs: 150,
    destroy: async () => {
      await deleteKeys(redis, prefix);
      await redis.quit();
    },
  };
});

describe('BullMQ job queue', () => {
  const prefix = `${RUN_PREFIX}-bullmq`;
  // Short locks and checks so a killed worker's job is taken again within a second or two.
  const stallOptions: BullmqJobQueueOptions = {
    prefix,
    retryBaseMs: 30,
    lockDurationMs: 1000,
    stalledIntervalMs: 500,
  };
  let redis: Redis;
  let queue: BullmqJobQueue;
  let dir: string;
  let connection: DatabaseConnection;
  const outboxes: JobOutbox[] = [];
  const newOutbox = (options: { sweepIntervalMs?: number } = {}, on = connection) => {
    const outbox = new JobOutbox(on.db, on.features, queue, options);
    outboxes.push(outbox);
    return outbox;
  };
  const outboxRows = async () =>
    Number(
      (
        await connection.db
          .selectFrom('job_outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  before(async () => {
    redis = await redisOrFail();
    queue = new BullmqJobQueue(REDIS_URL, stallOptions);
    dir = await mkdtemp(join(tmpdir(), 'keepsake-outbox-'));
    connection = openSqlite(join(dir, 'outbox.db'));
    await migrateToLatest(connection);
  });
  after(async () => {
    for (const outbox of outboxes) await outbox.close();
    await queue?.close(100);
    await connection?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
    if (redis) {
      await deleteKeys(redis, prefix);
      await redis.quit();
    }
  });

  it('takes again a job whose worker was killed, and completes it once', async () => {
    await queue.enqueue({ name: 'render', queue: 'killed', payload: { assetId: 'a1' } });
    const child = spawnWorker('killed', stallOptions);
    let takenId: string;
    try {
      takenId = await firstStartedJob(child);
      process.kill(child.pid!, 'SIGKILL');
      await once(child, 'exit');
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }

    const taken: Job[] = [];
    let finished = 0;
    queue.work('killed', 1, async (job) => {
      taken.push(job);
      await sleep(20);
      finished++;
      return { status: 'completed' };
    });
    await until(async () => (await countsOf(queue, 'killed')).completed === 1, 15_000);
    await sleep(1200); // past two stalled checks: nothing takes it a third time
    assert.equal(finished, 1, 'the handler ran to its end once');
    assert.equal(taken.length, 1);
    assert.equal(taken[0]!.id, takenId);
    assert.deepEqual(await countsOf(queue, 'killed'), {
      waiting: 0,
      active: 0,
      completed: 1,
      failed: 0,
    });
  });

  it("queues a step's follow-up once when the step runs again after its worker died", async () => {
    // The worker dies after the metadata step queued its follow-up and before BullMQ completed
    // the step: the step runs again on another worker, and queues the follow-up again.
    await queue.enqueue({ name: 'metadata', queue: 'metadata', payload: { assetId: 'a1' } });
    const child = spawnRunnerKilledAfterFollowUp(stallOptions);
    const stuck = setTimeout(() => child.kill('SIGTERM'), 20_000);
    await once(child, 'exit');
    clearTimeout(stuck);
    assert.equal(child.signalCode, 'SIGKILL', 'it killed itself after queuing the follow-up');

    const ran: string[] = [];
    const handler = (step: string) => async (assetId: string) => {
      ran.push(`${step} ${assetId}`);
      return { status: 'completed' as const };
    };
    const runner = new JobRunner(
      queue,
      {
        markReady: async () => {},
        markFailed: async () => {},
        get: async () => ({ type: 'image' }),
      } as unknown as AssetRepository,
      {
        metadata: handler('metadata'),
        thumbnails: handler('thumbnails'),
        playback: handler('playback'),
      },
    );
    runner.start({ concurrency: () => 1 });
    await until(async () => (await countsOf(queue, 'metadata')).completed === 1, 15_000);
    await until(async () => (await countsOf(queue, 'thumbnails')).completed >= 1, 5_000);
    await sleep(1200); // past two stalled checks
    assert.deepEqual(await countsOf(queue, 'metadata'), {
      waiting: 0,
      active: 0,
      completed: 1,
      failed: 0,
    });
    assert.deepEqual(await countsOf(queue, 'thumbnails'), {
      waiting: 0,
      active: 0,
      completed: 1,
      failed: 0,
    });
    // The follow-up was queued before the kill: it may run before the step runs again.
    assert.deepEqual(ran.sort(), ['metadata a1', 'thumbnails a1']);
  });

  it('keeps completed jobs only as long as told', async () => {
    const brief = new BullmqJobQueue(REDIS_URL, {
      prefix: `${prefix}-keep`,
      keepCompletedMs: 1000,
    });
    try {
      brief.work('kept', 1, async () => ({ status: 'completed' }));
      await brief.enqueue({ name: 'n', queue: 'kept', payload: { n: 1 } });
      await until(async () => (await countsOf(brief, 'kept')).completed === 1);
      await sleep(2100); // BullMQ ages jobs in whole seconds, when another one completes
      await brief.enqueue({ name: 'n', queue: 'kept', payload: { n: 2 } });
      await until(async () => (await countsOf(brief, 'kept')).waiting === 0);
      await sleep(100);
      assert.equal((await countsOf(brief, 'kept')).completed, 1, 'the older one is gone');
    } finally {
      await brief.close(100);
      await deleteKeys(redis, `${prefix}-keep`);
    }
  });

  it('stores a job added twice under the same id once', async () => {
    const job: NewJob = { name: 'n', queue: 'same-id', payload: {} };
    await queue.enqueue(job, { jobId: 'outbox-1' });
    await queue.enqueue(job, { jobId: 'outbox-1' });
    assert.equal((await countsOf(queue, 'same-id')).waiting, 1);
    await queue.enqueue({ ...job, key: 'outbox-1.next' });
    await queue.enqueue({ ...job, key: 'outbox-1.next' });
    assert.equal((await countsOf(queue, 'same-id')).waiting, 2, 'the same for a job with a key');
  });

  it('relays the job of a committed transaction, and none for a rolled-back one', async () => {
    const outbox = newOutbox();
    const transactor = new KyselyTransactor(connection, outbox);
    const seen: Job[] = [];
    queue.work('outbox-commit', 1, async (job) => {
      seen.push(job);
      return { status: 'completed' };
    });
    const job = (step: string): NewJob => ({
      name: 'n',
      queue: 'outbox-commit',
      payload: { step },
    });

    await assert.rejects(
      transactor.run(async (tx) => {
        await tx.enqueue(job('rolled back'));
        throw new Error('upload failed');
      }),
      /upload failed/,
    );
    await transactor.run((tx) => tx.enqueue(job('committed')));
    await until(() => seen.length === 1);
    await sleep(200);
    assert.deepEqual(
      seen.map((j) => j.payload),
      [{ step: 'committed' }],
    );
    assert.match(seen[0]!.id, /^outbox-\d+-\d{13}$/);
    assert.equal(await outboxRows(), 0);
  });

  it('relays on its sweep the rows that no wake-up relayed', async () => {
    const outbox = newOutbox({ sweepIntervalMs: 100 });
    outbox.start();
    await outbox.relay(); // the start-up pass is over: only the sweep can find the row below
    const seen: Job[] = [];
    queue.work('outbox-sweep', 1, async (job) => {
      seen.push(job);
      return { status: 'completed' };
    });
    // Committed, then the process "dies" before waking the relay.
    await connection.db
      .transaction()
      .execute((trx) =>
        outbox.enqueueIn(trx, { name: 'n', queue: 'outbox-sweep', payload: { left: true } }),
      );
    await until(() => seen.length === 1, 5_000);
    assert.deepEqual(seen[0]!.payload, { left: true });
    assert.equal(await outboxRows(), 0);
  });

  it('adds each row once when several processes relay the same rows', async () => {
    const other = openSqlite(join(dir, 'outbox.db'));
    try {
      const here = newOutbox();
      const there = newOutbox({}, other);
      await connection.db.transaction().execute(async (trx) => {
        for (let i = 0; i < 10; i++)
          await here.enqueueIn(trx, { name: 'n', queue: 'outbox-race', payload: { i } });
      });
      const [a, b] = await Promise.all([here.relay(), there.relay()]);
      assert.ok(a + b >= 10, `relayed ${a} + ${b}`);
      assert.equal((await countsOf(queue, 'outbox-race')).waiting, 10);
      assert.equal(await outboxRows(), 0);
    } finally {
      await other.close();
    }
  });

  it('runs the jobs of a recreated database, whose row ids start again at 1', async () => {
    const seen: Job[] = [];
    queue.work('outbox-reset', 1, async (job) => {
      seen.push(job);
      return { status: 'completed' };
    });
    for (const generation of ['first', 'recreated']) {
      const fresh = openSqlite(join(dir, `${generation}.db`));
      try {
        await migrateToLatest(fresh);
        const outbox = newOutbox({}, fresh);
        await fresh.db
          .transaction()
          .execute((trx) =>
            outbox.enqueueIn(trx, { name: 'n', queue: 'outbox-reset', payload: { generation } }),
          );
        await outbox.relay();
        await until(() => seen.length === (generation === 'first' ? 1 : 2), 5_000);
        await outbox.close();
      } finally {
        await fresh.close();
      }
      await sleep(5); // the ids carry the creation time in milliseconds
    }
    assert.deepEqual(
      seen.map((j) => j.payload),
      [{ generation: 'first' }, { generation: 'recreated' }],
    );
  });
});

/** A worker in its own process, to be killed mid-job; its handler never finishes. */
function spawnWorker(queueName: string, options: BullmqJobQueueOptions): ChildProcess {
  const adapter = new URL('../../src/adapters/queue/bullmq-job-queue.ts', import.meta.url).href;
  const script = `
    const { BullmqJobQueue } = await import(${JSON.stringify(adapter)});
    const queue = new BullmqJobQueue(${JSON.stringify(REDIS_URL)}, ${JSON.stringify(options)});
    queue.work(${JSON.stringify(queueName)}, 1, async (job) => {
      console.log('started ' + job.id);
      return new Promise(() => {});
    });`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/**
 * The pipeline's runner in its own process, on the metadata queue only, that SIGKILLs itself
 * right after its metadata step queued the follow-up, before BullMQ completes the step.
 */
function spawnRunnerKilledAfterFollowUp(options: BullmqJobQueueOptions): ChildProcess {
  const adapter = new URL('../../src/adapters/queue/bullmq-job-queue.ts', import.meta.url).href;
  const runner = new URL('../../src/core/jobs/job-runner.ts', import.meta.url).href;
  const script = `
    const { BullmqJobQueue } = await import(${JSON.stringify(adapter)});
    const { JobRunner } = await import(${JSON.stringify(runner)});
    const queue = new BullmqJobQueue(${JSON.stringify(REDIS_URL)}, ${JSON.stringify(options)});
    const enqueue = queue.enqueue.bind(queue);
    queue.enqueue = async (job, options) => {
      await enqueue(job, options);
      process.kill(process.pid, 'SIGKILL');
    };
    const completed = async () => ({ status: 'completed' });
    new JobRunner(queue, {}, { metadata: completed, thumbnails: completed, playback: completed }).start({
      concurrency: (name) => (name === 'metadata' ? 1 : 0),
    });`;
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** The id of the job the child started, once it says so. */
async function firstStartedJob(child: ChildProcess): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the worker process took no job')), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const started = /started (\S+)/.exec(output);
      if (started) {
        clearTimeout(timer);
        resolve(started[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker process exited (${code}) before taking a job`));
    });
  });
}
