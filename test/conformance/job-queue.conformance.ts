import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Job, JobQueue, QueueCounts } from '../../src/core/ports/job-queue.js';

export interface JobQueueHarness {
  /** A queue on fresh storage; retry delays in milliseconds, not seconds. */
  open(): Promise<JobQueue>;
  /** Another queue instance on the same storage, as after a restart. */
  reopen(): Promise<JobQueue>;
  destroy(): Promise<void>;
  /** The first retry's delay the queue was opened with; each later one doubles it. */
  retryBaseMs: number;
}

const until = async (check: () => Promise<boolean> | boolean, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const countsOf = async (queue: JobQueue, name: string): Promise<QueueCounts> =>
  (await queue.counts())[name] ?? { waiting: 0, active: 0, completed: 0, failed: 0 };

/** What every JobQueue adapter must do; the queue names keep the cases apart. */
export function describeJobQueueConformance(
  name: string,
  harness: () => Promise<JobQueueHarness>,
): void {
  describe(`JobQueue conformance: ${name}`, () => {
    let h: JobQueueHarness;
    let queue: JobQueue;
    before(async () => {
      h = await harness();
      queue = await h.open();
    });
    after(async () => {
      await queue.close(100);
      await h.destroy();
    });

    it('runs an enqueued job with its payload and counts it completed', async () => {
      const seen: Job[] = [];
      queue.work('simple', 1, async (job) => {
        seen.push(job);
        return { status: 'completed' };
      });
      await queue.enqueue({ name: 'greet', queue: 'simple', payload: { who: 'world', n: 3 } });
      await until(() => seen.length === 1);
      assert.deepEqual(seen[0]!.payload, { who: 'world', n: 3 });
      assert.equal(seen[0]!.name, 'greet');
      assert.equal(seen[0]!.attempt, 1);
      await until(async () => (await countsOf(queue, 'simple')).completed === 1);
    });

    it('runs every job exactly once with several workers', async () => {
      const runs = new Map<number, number>();
      let running = 0;
      let maxRunning = 0;
      queue.work('parallel', 3, async (job) => {
        running++;
        maxRunning = Math.max(maxRunning, running);
        await new Promise((resolve) => setTimeout(resolve, 10));
        runs.set(Number(job.payload.i), (runs.get(Number(job.payload.i)) ?? 0) + 1);
        running--;
        return { status: 'completed' };
      });
      for (let i = 0; i < 60; i++)
        await queue.enqueue({ name: 'p', queue: 'parallel', payload: { i } });
      await until(async () => (await countsOf(queue, 'parallel')).completed === 60);
      assert.equal(runs.size, 60);
      assert.ok(
        [...runs.values()].every((n) => n === 1),
        'no job ran twice',
      );
      assert.ok(maxRunning > 1 && maxRunning <= 3, `ran ${maxRunning} at once`);
    });

    it('retries a job that throws, with backoff, until it succeeds', async () => {
      const attempts: number[] = [];
      const times: number[] = [];
      queue.work('flaky', 1, async (job) => {
        attempts.push(job.attempt);
        times.push(Date.now());
        if (job.attempt < 3) throw new Error('disk busy');
        return { status: 'completed' };
      });
      await queue.enqueue({ name: 'f', queue: 'flaky', payload: {}, maxAttempts: 5 });
      await until(async () => (await countsOf(queue, 'flaky')).completed === 1);
      assert.deepEqual(attempts, [1, 2, 3]);
      // Doubling. Only lower bounds: a loaded machine adds to every wait (it once stretched the
      // first of 150 ms to 273), but never shortens one. 5 ms: clock and timer granularity.
      const [first, second] = [times[1]! - times[0]!, times[2]! - times[1]!];
      const base = h.retryBaseMs;
      assert.ok(first >= base - 5, `the first retry waited ${first} ms, less than ${base}`);
      assert.ok(second >= 2 * base - 5, `the second waited ${second} ms, less than ${2 * base}`);
    });

    it('fails a job for good when its attempts run out', async () => {
      let calls = 0;
      queue.work('doomed', 1, async () => {
        calls++;
        throw new Error('always broken');
      });
      await queue.enqueue({ name: 'd', queue: 'doomed', payload: {}, maxAttempts: 2 });
      await until(async () => (await countsOf(queue, 'doomed')).failed === 1);
      assert.equal(calls, 2);
    });

    it('fails a job at once, without retrying, when the handler says it failed', async () => {
      let calls = 0;
      queue.work('expected-failure', 1, async () => {
        calls++;
        return { status: 'failed', reason: 'not a picture' };
      });
      await queue.enqueue({ name: 'e', queue: 'expected-failure', payload: {}, maxAttempts: 5 });
      await until(async () => (await countsOf(queue, 'expected-failure')).failed === 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.equal(calls, 1);
    });

    it('holds a delayed job back until its time', async (t) => {
      if (!queue.capabilities.delayedJobs) return t.skip('adapter has no delayed jobs');
      let ranAt = 0;
      queue.work('delayed', 1, async () => {
        ranAt = Date.now();
        return { status: 'completed' };
      });
      const enqueuedAt = Date.now();
      await queue.enqueue({ name: 'later', queue: 'delayed', payload: {}, delayMs: 400 });
      await until(() => ranAt > 0);
      assert.ok(ranAt - enqueuedAt >= 380, `ran after ${ranAt - enqueuedAt} ms`);
    });

    it('keeps waiting jobs across a restart, and takes up again a job whose worker stopped mid-way', async () => {
      let started = 0;
      let release = () => {};
      const stuck = new Promise<void>((resolve) => (release = resolve));
      queue.work('restart', 1, async () => {
        started++;
        await stuck; // does not finish before the queue closes
        return { status: 'completed' };
      });
      await queue.enqueue({ name: 'long', queue: 'restart', payload: { id: 'a' } });
      await queue.enqueue({ name: 'long', queue: 'restart', payload: { id: 'b' } });
      await until(() => started === 1);
      await queue.close(50); // gives up on the running job: it is released, not lost

      queue = await h.reopen();
      const done: string[] = [];
      queue.work('restart', 1, async (job) => {
        done.push(String(job.payload.id));
        return { status: 'completed' };
      });
      await until(() => done.length === 2);
      assert.deepEqual(done.sort(), ['a', 'b']);
      release(); // the first worker finishing late must not count the job a second time
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal((await countsOf(queue, 'restart')).completed, 2);
    });

    it('counts a start that never finished as an attempt', async () => {
      const attempts: number[] = [];
      let release = () => {};
      const stuck = new Promise<void>((resolve) => (release = resolve));
      queue.work('starts', 1, async (job) => {
        attempts.push(job.attempt);
        await stuck;
        return { status: 'completed' };
      });
      await queue.enqueue({ name: 'n', queue: 'starts', payload: {}, maxAttempts: 3 });
      await until(() => attempts.length === 1);
      await queue.close(50); // the job is handed back unfinished, as a dead worker's would be

      queue = await h.reopen();
      queue.work('starts', 1, async (job) => {
        attempts.push(job.attempt);
        return { status: 'completed' };
      });
      await until(() => attempts.length === 2);
      release();
      assert.deepEqual(attempts, [1, 2]);
    });

    it('waits for a running job to finish when closed with enough grace', async () => {
      let finished = false;
      let started = false;
      queue.work('graceful', 1, async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 150));
        finished = true;
        return { status: 'completed' };
      });
      await queue.enqueue({ name: 'g', queue: 'graceful', payload: {} });
      await until(() => started);
      await queue.close(5_000);
      assert.ok(finished);
      queue = await h.reopen();
      assert.equal((await countsOf(queue, 'graceful')).completed, 1);
    });
  });
}
