import { describe, expect, it } from 'vitest';
import { runLimited } from './run-limited';

describe('runLimited', () => {
  it('runs every task, never more than the limit at once, and answers the failures', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    const failures = await runLimited([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      if (n % 3 === 0) throw new Error(`no ${n}`);
      done.push(n);
    });
    expect(most).toBe(3);
    expect(done.sort()).toEqual([1, 2, 4, 5, 7]);
    expect(failures.map((f) => [f.item, f.error.message])).toEqual([
      [3, 'no 3'],
      [6, 'no 6'],
    ]);
  });

  it('does nothing for nothing', async () => {
    expect(await runLimited([], 4, () => Promise.reject(new Error('never')))).toEqual([]);
  });
});
