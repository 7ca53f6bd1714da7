import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { sleep } from './lib.js';

/*
 * On a small machine anything else running (a test suite, a build) skews a throughput figure
 * badly. These helpers wait for a quiet machine before a measurement and then report how much
 * of the CPU other processes took during it, so a skewed figure is flagged, not trusted.
 */

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds used by the whole machine (all cores). */
function machineBusy(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const values = fields.slice(1).map(Number);
  const idle = values[3]! + values[4]!; // idle + iowait
  return (values.reduce((a, b) => a + b, 0) - idle) / TICKS_PER_SECOND;
}

/** utime + stime + cutime + cstime (waited-for children) of one process, in seconds. */
function processCpu(pid: number | 'self'): { cpu: number; ppid: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICKS_PER_SECOND;
    return { cpu, ppid: Number(f[1]) };
  } catch {
    return { cpu: 0, ppid: 0 }; // exited meanwhile
  }
}

/** CPU seconds of this process and every live descendant (servers, exiftool, esbuild). */
function ownCpu(): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const p = processCpu(Number(name));
    parent.set(Number(name), p.ppid);
    cpu.set(Number(name), p.cpu);
  }
  const ours = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (!ours.has(pid) && ours.has(ppid)) {
        ours.add(pid);
        grew = true;
      }
    }
  }
  return [...ours].reduce((sum, pid) => sum + (cpu.get(pid) ?? 0), 0);
}

/**
 * Runs `work` and says what share of the machine's CPU it used (with every process it started)
 * and what share other processes used meanwhile.
 */
export async function measuringCpu<T>(work: () => Promise<T>) {
  const [busy0, own0, t0] = [machineBusy(), ownCpu(), performance.now()];
  const result = await work();
  const own = ownCpu() - own0;
  const others = machineBusy() - busy0 - own;
  const capacity = ((performance.now() - t0) / 1000) * availableParallelism();
  return { result, ownShare: own / capacity, othersShare: Math.max(0, others / capacity) };
}

/** Waits (up to `maxMs`) until other processes use under 15 % of the machine for 2 s. */
export async function waitForQuiet(maxMs = 60_000): Promise<void> {
  const deadline = Date.now() + maxMs;
  let told = false;
  for (;;) {
    const { othersShare } = await measuringCpu(() => sleep(2000));
    if (othersShare < 0.15) return;
    if (Date.now() > deadline) {
      console.log(`  the machine is still ${(othersShare * 100).toFixed(0)} % busy; going on`);
      return;
    }
    if (!told)
      console.log(`  waiting for a quiet machine (${(othersShare * 100).toFixed(0)} % busy)...`);
    told = true;
  }
}
