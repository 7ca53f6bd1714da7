import { readFileSync } from 'node:fs';
import { sleep } from './lib.js';

export interface Rss {
  /** Resident set size (VmRSS), MiB. */
  total: number;
  /** Of which heap and other private memory (RssAnon). */
  anon: number;
  /** Of which mapped files: the node binary, shared libraries such as libvips (RssFile). */
  file: number;
}

/**
 * A process's resident memory after it has been left alone for 5 s. The figure depends on
 * when V8 last collected: it gives back heap that requests grew only when its memory reducer
 * runs, some 10-20 s or more after allocation stops, and not every time.
 */
export async function idleRss(pid: number): Promise<Rss> {
  await sleep(5000);
  return readRss(pid);
}

function readRss(pid: number): Rss {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mib = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match) throw new Error(`no ${field} in /proc/${pid}/status`);
    return Number(match[1]) / 1024;
  };
  return { total: mib('VmRSS'), anon: mib('RssAnon'), file: mib('RssFile') };
}
