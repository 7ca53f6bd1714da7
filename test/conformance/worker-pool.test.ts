import assert from 'node:assert/strict';
import { getPriority } from 'node:os';
import { describe, test } from 'node:test';
import type { PoolIsolation } from '../../src/adapters/runtime/pool-workers.js';
import { PoolTaskError, WorkerPool } from '../../src/adapters/runtime/worker-pool.js';

const ECHO = new URL('../fixtures/pool-tasks/echo-task.ts', import.meta.url).href;

interface Echo {
  value: unknown;
  threadId: number;
  pid: number;
  loads: number;
  nice: number;
}

/** Which worker ran a task: a thread of some process. */
const workerOf = (echo: Echo) => `${echo.pid}:${echo.threadId}`;

for (const isolation of ['thread', 'process'] satisfies PoolIsolation[])
  describe(`WorkerPool (${isolation}s)`, () => {
    test('runs a task module on a thread, loading the module once per thread', async () => {
      const pool = new WorkerPool({ isolation, threads: 1, idleMs: 0 });
      try {
        const first = await pool.run<Echo>(ECHO, { value: [1, 'two'] });
        const second = await pool.run<Echo>(ECHO, { value: new Float32Array([0.5]) });
        assert.deepEqual(first.value, [1, 'two']);
        assert.deepEqual(second.value, new Float32Array([0.5]));
        if (isolation === 'thread') assert.notEqual(first.threadId, 0, 'not on the main thread');
        else assert.notEqual(first.pid, process.pid, 'not in this process');
        assert.equal(workerOf(second), workerOf(first));
        assert.equal(second.loads, 1, 'the module (and what it loaded) is kept between tasks');
      } finally {
        await pool.close();
      }
    });

    test('spreads tasks over its threads, never more than asked for', async () => {
      const pool = new WorkerPool({ isolation, threads: 2, idleMs: 0 });
      try {
        const results = await Promise.all(
          Array.from({ length: 6 }, (_, i) => pool.run<Echo>(ECHO, { value: i, waitMs: 50 })),
        );
        assert.deepEqual(
          results.map((r) => r.value),
          [0, 1, 2, 3, 4, 5],
        );
        assert.equal(new Set(results.map(workerOf)).size, 2);
        assert.equal(pool.threadCount, 2);
      } finally {
        await pool.close();
      }
    });

    test("a task's error comes back with its message and the name of what was thrown", async () => {
      const pool = new WorkerPool({ isolation, threads: 1, idleMs: 0 });
      try {
        await assert.rejects(pool.run(ECHO, { fail: 'model' }), (error: unknown) => {
          assert.ok(error instanceof PoolTaskError);
          assert.equal(error.taskErrorName, 'ModelUnavailableError');
          assert.equal(error.message, 'weights not found');
          return true;
        });
        // The thread is still there and works.
        assert.equal((await pool.run<Echo>(ECHO, { value: 'after' })).value, 'after');
      } finally {
        await pool.close();
      }
    });

    test('a thread that dies fails only its task; the next task gets a new thread', async () => {
      const pool = new WorkerPool({ isolation, threads: 1, idleMs: 0 });
      try {
        await assert.rejects(pool.run(ECHO, { crash: true }), /exited \(code 3\)/);
        assert.equal((await pool.run<Echo>(ECHO, { value: 'again' })).value, 'again');
      } finally {
        await pool.close();
      }
    });

    test('ends its threads (and what they loaded) after the idle time, and starts again on demand', async () => {
      let idled = 0;
      const pool = new WorkerPool({ isolation, threads: 1, idleMs: 100, onIdle: () => idled++ });
      try {
        await pool.run(ECHO, { value: 1 });
        assert.equal(pool.threadCount, 1);
        for (let i = 0; i < 50 && (pool.threadCount > 0 || idled === 0); i++)
          await new Promise((resolve) => setTimeout(resolve, 20));
        assert.equal(pool.threadCount, 0);
        assert.equal(idled, 1);
        const again = await pool.run<Echo>(ECHO, { value: 2 });
        assert.equal(again.loads, 1, 'a new thread loads the module afresh');
      } finally {
        await pool.close();
      }
    });

    test('runs its threads at the nice value asked for, leaving this thread as it was', async () => {
      const pool = new WorkerPool({ isolation, threads: 1, idleMs: 0, nice: 10 });
      try {
        assert.equal((await pool.run<Echo>(ECHO, {})).nice, 10);
        assert.equal(getPriority(0), 0);
      } finally {
        await pool.close();
      }
    });

    test('refuses work once closed', async () => {
      const pool = new WorkerPool({ isolation, threads: 1, idleMs: 0 });
      await pool.close();
      await assert.rejects(pool.run(ECHO, {}), /closed/);
    });
  });
