import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { api, freePort, login, percentile, startKeepsake, startNode, WORK } from './lib.js';
import { idleRss, type Rss } from './memory.js';
import { ASSETS } from './seed-db.js';

const WARMUP = 50;
const REQUESTS = 300;
const PAGE_LIMIT = 1000;

export interface Latency {
  p50: number;
  p95: number;
  requests: number;
  /** Size of one answer. */
  bytes: number;
}

export interface TimelineSide {
  buckets: Latency;
  page: Latency;
  /** Started, 5 s idle, before any request. */
  rssAtStart: Rss;
  /** After the requests and 5 s idle. */
  rss: Rss;
}

interface Workload {
  paths: { buckets: string[]; page: string[] };
  headers: Record<string, string>;
}

/**
 * Sequential requests over one keep-alive connection (fetch's pool), after a warm-up: the
 * latency one person scrolling sees, not the throughput of many. The clock includes reading
 * the whole body.
 */
async function timeRequests(url: string, paths: string[], headers: Record<string, string>) {
  let body: Buffer | undefined;
  const once = async (i: number) => {
    const started = performance.now();
    const res = await fetch(url + paths[i % paths.length], { headers });
    const data = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`${paths[i % paths.length]}: ${res.status}`);
    body ??= data;
    return ms;
  };
  for (let i = 0; i < WARMUP; i++) await once(i);
  const samples: number[] = [];
  for (let i = 0; i < REQUESTS; i++) samples.push(await once(i));
  samples.sort((a, b) => a - b);
  const latency: Latency = {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    requests: REQUESTS,
    bytes: body!.length,
  };
  return { latency, body: body! };
}

/**
 * How a server is started: with the tsx loader (`node --import tsx`, as this benchmark and
 * development start Keepsake) or compiled JavaScript on plain node (as `npm start` does).
 */
export type Launcher = 'tsx' | 'node';

/** Keepsake on the million-asset database; returns its answers too, for the baseline. */
export async function measureKeepsakeTimeline(dataDir: string, launcher: Launcher) {
  const compiled = launcher === 'node';
  const server = await startKeepsake(`timeline-keepsake-${launcher}`, dataDir, {}, { compiled });
  try {
    const rssAtStart = await idleRss(server.pid);
    const token = await login(server.url);
    const list = await api<{ bucket: string; count: number }[]>(
      `${server.url}/api/timeline/buckets`,
      { token },
    );
    const total = list.reduce((n, b) => n + b.count, 0);
    if (total !== ASSETS) throw new Error(`the buckets hold ${total} assets, not ${ASSETS}`);
    // Ten months from the middle of the twenty years: ~4,000 assets each, so every page is full.
    const mid = Math.floor(list.length / 2);
    const months = list
      .slice(mid - 5, mid + 5)
      .map((b) => b.bucket)
      .sort();
    const workload: Workload = {
      paths: {
        buckets: ['/api/timeline/buckets'],
        page: months.map((m) => `/api/timeline/buckets/${m}?limit=${PAGE_LIMIT}`),
      },
      headers: { authorization: `Bearer ${token}` },
    };
    const buckets = await timeRequests(server.url, workload.paths.buckets, workload.headers);
    const page = await timeRequests(server.url, workload.paths.page, workload.headers);
    const first = JSON.parse(page.body.toString()) as { assets: unknown[] };
    if (first.assets.length !== PAGE_LIMIT)
      throw new Error(`a month page held ${first.assets.length} assets, not ${PAGE_LIMIT}`);
    const rss = await idleRss(server.pid);
    const side: TimelineSide = { buckets: buckets.latency, page: page.latency, rssAtStart, rss };
    return { side, workload, bodies: { buckets: buckets.body, page: page.body }, months };
  } finally {
    await server.stop();
  }
}

/** The same requests against plain node:http serving Keepsake's own answers, byte for byte. */
export async function measureStaticBaseline(
  workload: Workload,
  bodies: { buckets: Buffer; page: Buffer },
  launcher: Launcher,
): Promise<TimelineSide> {
  const dir = join(WORK, 'static-bodies');
  await mkdir(dir, { recursive: true });
  const files = [join(dir, 'buckets.json'), join(dir, 'page.json')] as const;
  await writeFile(files[0], bodies.buckets);
  await writeFile(files[1], bodies.page);
  const port = await freePort();
  const loader = launcher === 'tsx' ? ['--import', 'tsx'] : [];
  const server = await startNode(
    `timeline-baseline-${launcher}`,
    [...loader, 'bench/static-server.mjs', String(port), ...files],
    { port, readyPath: '/health' },
  );
  try {
    const rssAtStart = await idleRss(server.pid);
    const buckets = await timeRequests(server.url, workload.paths.buckets, workload.headers);
    const page = await timeRequests(server.url, workload.paths.page, workload.headers);
    const rss = await idleRss(server.pid);
    return { buckets: buckets.latency, page: page.latency, rssAtStart, rss };
  } finally {
    await server.stop();
  }
}
