import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Generated inputs, caches and logs; git-ignored. */
export const WORK = join(ROOT, 'bench', '.work');
export const LOGS = join(WORK, 'logs');

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Every child we start, so that nothing outlives the benchmark, whatever way it ends.
const children = new Set<ChildProcess>();

/** Kills a child and whatever it started (it leads its own process group). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: already gone.
  }
}

process.on('exit', () => {
  for (const child of children) killGroup(child, 'SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping child processes`);
    process.exit(130); // the 'exit' handler above kills them
  });
}

export interface Child {
  pid: number;
  url: string;
  logFile: string;
  /** SIGTERM, then SIGKILL after `graceMs`; also ends the child's helpers (exiftool, esbuild). */
  stop(graceMs?: number): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * Starts `node <args>` from the repository root and waits until `readyPath` answers 200.
 * Output goes to a log file: the benchmark's own output stays readable, and a failure can
 * point at it.
 */
export async function startNode(
  name: string,
  args: string[],
  options: { port: number; env?: Record<string, string>; readyPath: string },
): Promise<Child> {
  mkdirSync(LOGS, { recursive: true });
  const logFile = join(LOGS, `${name}.log`);
  const log = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', log, log],
    detached: true,
  });
  closeSync(log);
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${options.port}`;

  const stop = async (graceMs = 20_000) => {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
    killGroup(child, 'SIGKILL'); // helpers left behind, if any
    children.delete(child);
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      children.delete(child);
      throw new Error(`${name} exited before it was ready; see ${logFile}:\n${tail(logFile)}`);
    }
    const ok = await fetch(url + options.readyPath)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop(1000);
      throw new Error(`${name} was not ready within 60 s; see ${logFile}`);
    }
    await sleep(100);
  }
  return { pid: child.pid!, url, logFile, stop };
}

/** For the error path: ends every child at once. */
export function stopAll(): void {
  for (const child of children) killGroup(child, 'SIGKILL');
  children.clear();
}

const tail = (file: string) => readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');

/** The server compiled by `buildCompiled`, as `npm start` runs it (from dist/). */
export const COMPILED_MAIN = join(WORK, 'dist', 'src', 'main.js');

/** tsc with the project's build settings, into bench/.work/dist (not dist/: that is npm start's). */
export function buildCompiled(): void {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const outDir = join(WORK, 'dist');
  const result = spawnSync(
    process.execPath,
    [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) throw new Error('tsc -p tsconfig.build.json failed');
}

/**
 * The allocator settings `npm start` and the Dockerfile give the server (package.json's start
 * script). See: [Note: Memory after a burst].
 */
/** The node options `npm start` and the Dockerfile give the server. See: [Note: Memory after a burst]. */
export const NPM_START_NODE_ARGS = ['--max-semi-space-size=4'];

export const NPM_START_ENV = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_MMAP_THRESHOLD_: '65536',
  MALLOC_TRIM_THRESHOLD_: '131072',
};

/**
 * Keepsake as `node --import tsx src/main.ts` or, with `compiled`, as `npm start` runs it
 * (call buildCompiled first). BENCH_SERVER_NODE_ARGS adds node options, for profiling:
 * BENCH_SERVER_NODE_ARGS='--cpu-prof --cpu-prof-dir=bench/.work/prof'
 */
export async function startKeepsake(
  name: string,
  dataDir: string,
  env: Record<string, string> = {},
  options: { compiled?: boolean } = {},
): Promise<Child> {
  const port = await freePort();
  const extra = process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const main = options.compiled
    ? [...NPM_START_NODE_ARGS, COMPILED_MAIN]
    : ['--import', 'tsx', 'src/main.ts'];
  return startNode(name, [...extra, ...main], {
    port,
    readyPath: '/api/health',
    env: {
      ...(options.compiled && NPM_START_ENV),
      KEEPSAKE_PORT: String(port),
      KEEPSAKE_HOST: '127.0.0.1',
      KEEPSAKE_DATA_DIR: dataDir,
      ...env,
    },
  });
}

/** JSON request; throws on any status other than `expect`. */
export async function api<T>(
  url: string,
  init: { method?: string; token?: string; body?: unknown; expect?: number } = {},
): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  if (res.status !== (init.expect ?? 200))
    throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

export const BENCH_USER = {
  email: 'bench@keepsake.test',
  password: 'benchmark-password',
  name: 'Bench',
};

/** Creates the admin account (first start only). */
export async function setupUser(url: string): Promise<{ id: string }> {
  return api<{ id: string }>(`${url}/api/auth/setup`, { body: BENCH_USER, expect: 201 });
}

export async function login(url: string): Promise<string> {
  const { accessToken } = await api<{ accessToken: string }>(`${url}/api/auth/login`, {
    body: { email: BENCH_USER.email, password: BENCH_USER.password },
  });
  return accessToken;
}

/** Nearest-rank percentile of ascending samples. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/** Runs `work` over `items` with at most `parallel` at a time. */
export async function pool<T>(
  items: readonly T[],
  parallel: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, items.length) }, worker));
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
