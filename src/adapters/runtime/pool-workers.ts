import { fork } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import type { PoolReply, PoolRequest, PoolThreadData } from './pool-thread.js';

/*
 * The two ways a WorkerPool runs its tasks: on a worker thread of this process, or in a child
 * process of its own. Both run the same module (pool-thread), answer the same messages and end
 * the same way; see [Note: One pool for heavy compute] for when each is used.
 */
export type PoolIsolation = 'thread' | 'process';

export interface PoolWorker {
  post(request: PoolRequest, transfer: readonly ArrayBuffer[]): void;
  onMessage(listener: (reply: PoolReply) => void): void;
  /** Called once when the worker fails or exits, with why. */
  onLost(listener: (error: Error) => void): void;
  /** Keeps this process alive while the worker has work (ref), or not (unref). */
  ref(): void;
  unref(): void;
  terminate(): Promise<void>;
}

const UNDER_TSX = import.meta.url.endsWith('.ts');
const ENTRY_URL = new URL(`./pool-thread${UNDER_TSX ? '.ts' : '.js'}`, import.meta.url);

export function startPoolWorker(isolation: PoolIsolation, data: PoolThreadData): PoolWorker {
  return isolation === 'process' ? startProcess(data) : startThread(data);
}

/**
 * Compiled, the thread is the .js file beside this one. Under the tsx loader (tests, benchmarks)
 * a worker thread does not inherit the loader: it registers it first.
 */
function startThread(workerData: PoolThreadData): PoolWorker {
  let worker: Worker;
  if (!UNDER_TSX) worker = new Worker(ENTRY_URL, { workerData });
  else {
    const tsx = import.meta.resolve('tsx/esm/api');
    const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(ENTRY_URL.href)}); });`;
    worker = new Worker(boot, { eval: true, workerData });
  }
  return {
    post: (request, transfer) => worker.postMessage(request, [...transfer]),
    onMessage: (listener) => worker.on('message', listener),
    onLost: (listener) => {
      worker.on('error', listener);
      worker.on('exit', (code) => listener(new Error(`a pool thread exited (code ${code})`)));
    },
    ref: () => worker.ref(),
    unref: () => worker.unref(),
    terminate: async () => void (await worker.terminate()),
  };
}

/**
 * A child process gets its settings as arguments and talks over the IPC channel with the
 * structured clone ('advanced'), so typed arrays and errors' fields arrive as a thread's would.
 * Under tsx it is started with the loader, as this process was.
 */
function startProcess(data: PoolThreadData): PoolWorker {
  const child = fork(ENTRY_URL, [String(data.nice)], {
    serialization: 'advanced',
    execArgv: UNDER_TSX ? ['--import', import.meta.resolve('tsx')] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    post: (request) => child.send(request),
    onMessage: (listener) => child.on('message', (reply) => listener(reply as PoolReply)),
    onLost: (listener) => {
      child.on('error', listener);
      child.on('exit', (code, signal) =>
        listener(
          new Error(`a pool process exited (${signal ? `signal ${signal}` : `code ${code}`})`),
        ),
      );
    },
    ref: () => {
      child.ref();
      child.channel?.ref();
    },
    unref: () => {
      child.unref();
      child.channel?.unref();
    },
    terminate: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.ref(); // an unreferenced child's exit would not keep this process waiting for it
        child.kill('SIGTERM');
      }
      await exited;
    },
  };
}
