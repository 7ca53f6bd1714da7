import { existsSync, readFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { Agent } from 'node:http';
import { join, relative } from 'node:path';
import { upload } from './ingest.js';
import { api, login, ROOT, setupUser, sleep, startKeepsake, WORK } from './lib.js';
import { idleRss } from './memory.js';

/** The whole shared corpus where this machine has it, else the fixtures the tests use. */
const CORPUS = [join(ROOT, '..', 'shared', 'corpus'), join(ROOT, 'test', 'fixtures', 'corpus')];
const NOT_MEDIA = /(^|\/)(truth\/|MANIFEST\.tsv$|LICENSES\.md$|README\.md$)|\.(json|xmp|thm)$/i;

export interface CorpusMemory {
  corpus: string;
  files: number;
  /** The server's RSS 5 s after start, before any upload, MiB. */
  idleMiB: number;
  /** The server's peak RSS (VmHWM: API, job workers and render thread together), MiB. */
  peakMiB: number;
  /** The largest any tool the server ran reached (ffmpeg, heif-convert, djxl, ExifTool), MiB. */
  toolPeakMiB: number;
  /** The server's RSS 60 s after its last job finished, MiB. See: [Note: Memory after a burst]. */
  afterBurstMiB: number;
  /** Its RSS every 10 s from the last job on, MiB (how fast it comes down). */
  afterBurstTrail: number[];
  seconds: number;
}

/**
 * One all-in-one Keepsake (compiled, as `npm start` runs it) taking every photo and video of the
 * corpus, broken files included, until every job has finished: how much memory a worker needs.
 */
export async function measureCorpusMemory(): Promise<CorpusMemory> {
  const corpus = CORPUS.find((dir) => existsSync(dir))!;
  const files = (await readdir(corpus, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => !NOT_MEDIA.test(relative(corpus, f)))
    .sort();
  const dataDir = join(WORK, 'corpus-memory-data');
  await rm(dataDir, { recursive: true, force: true });
  const server = await startKeepsake('corpus-memory', dataDir, {}, { compiled: true });
  const tools = watchDescendants(server.pid);
  try {
    await setupUser(server.url);
    const token = await login(server.url);
    const idle = await idleRss(server.pid);
    const started = performance.now();
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    for (const file of files) {
      // A file the server refuses (unsupported type) is part of the corpus too: not an error here.
      await upload(`${server.url}/api/assets`, token, file, agent).catch(() => undefined);
    }
    agent.destroy();
    for (;;) {
      const counts = await api<Record<string, { waiting: number; active: number }>>(
        `${server.url}/api/jobs`,
        { token },
      );
      if (Object.values(counts).every((c) => c.waiting === 0 && c.active === 0)) break;
      await sleep(200);
    }
    const seconds = (performance.now() - started) / 1000;
    const peakMiB = highWaterMiB(server.pid);
    const toolPeakMiB = tools.stop();
    // Left alone: what the server gives back of the burst's memory within a minute.
    const afterBurstTrail = [rssMiB(server.pid)];
    for (let s = 10; s <= AFTER_BURST_S; s += 10) {
      await sleep(10_000);
      afterBurstTrail.push(rssMiB(server.pid));
    }
    return {
      corpus: relative(ROOT, corpus),
      files: files.length,
      idleMiB: idle.total,
      peakMiB,
      toolPeakMiB,
      afterBurstMiB: afterBurstTrail.at(-1)!,
      afterBurstTrail,
      seconds,
    };
  } finally {
    tools.stop();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** How long after the last job the server's memory is read. */
const AFTER_BURST_S = 60;

function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
}

function highWaterMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return 0; // exited meanwhile
  }
}

/** Samples the peak resident memory of every process below `root`, every 50 ms. */
function watchDescendants(root: number) {
  let peak = 0;
  const sample = async () => {
    const parents = new Map<number, number>();
    for (const entry of await readdir('/proc').catch(() => [])) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // exited meanwhile
      }
    }
    const below = (pid: number): boolean => {
      const parent = parents.get(pid);
      return parent === root || (parent !== undefined && parent > 1 && below(parent));
    };
    for (const pid of parents.keys()) if (below(pid)) peak = Math.max(peak, highWaterMiB(pid));
  };
  const timer = setInterval(() => void sample(), 50);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
