import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../core/errors.js';

/*
 * A WorkerPool worker, a thread or a child process (pool-workers.ts): imports each task module
 * once, on its first task, and answers every task by its id. See: [Note: One pool for heavy compute].
 */
export interface PoolRequest {
  id: number;
  moduleUrl: string;
  input: unknown;
}

export type PoolReply =
  | { id: number; ok: true; output: unknown }
  | { id: number; ok: false; message: string; errorName: string };

/** What a task module exports. */
export interface TaskModule {
  run(input: unknown): Promise<unknown>;
}

export interface PoolThreadData {
  nice: number;
}

// A thread gets its settings as workerData, a child process as its arguments.
const { nice } = (workerData as PoolThreadData | null) ?? { nice: Number(process.argv[2] ?? 0) };
// On Linux, pid 0 names the calling thread: only this thread (and those it starts) gets it.
if (nice > 0) {
  try {
    setPriority(0, nice);
  } catch {
    // Not permitted here (some containers): the work still runs, at normal priority.
  }
}

type Send = (reply: PoolReply) => void;
const send: Send | undefined = parentPort
  ? (reply) => parentPort!.postMessage(reply)
  : process.send
    ? (reply) => process.send!(reply)
    : undefined;
const modules = new Map<string, Promise<TaskModule>>();

function answer(request: PoolRequest, reply: Send): void {
  let module = modules.get(request.moduleUrl);
  if (!module) {
    module = import(request.moduleUrl) as Promise<TaskModule>;
    modules.set(request.moduleUrl, module);
    // A module that failed to import is tried again by the next task, not remembered as broken.
    module.catch(() => modules.delete(request.moduleUrl));
  }
  module
    .then((m) => m.run(request.input))
    .then(
      (output) => reply({ id: request.id, ok: true, output }),
      (error: unknown) =>
        reply({
          id: request.id,
          ok: false,
          message: errorMessage(error),
          errorName: error instanceof Error ? error.name : 'Error',
        }),
    );
}

if (parentPort) parentPort.on('message', (request: PoolRequest) => answer(request, send!));
else if (send) {
  process.on('message', (request) => answer(request as PoolRequest, send));
  // The pool's process is gone (ended or crashed): nobody is left to answer.
  process.on('disconnect', () => process.exit(0));
}
