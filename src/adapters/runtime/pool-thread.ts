import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../core/errors.js';

/*
 * A WorkerPool thread: imports each task module once, on its first task, and answers every task
 * by its id. See: [Note: One pool for heavy compute].
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

// On Linux, pid 0 names the calling thread: only this thread (and those it starts) gets it.
const { nice } = workerData as PoolThreadData;
if (nice > 0) {
  try {
    setPriority(0, nice);
  } catch {
    // Not permitted here (some containers): the work still runs, at normal priority.
  }
}

const modules = new Map<string, Promise<TaskModule>>();
const port = parentPort;

port?.on('message', (request: PoolRequest) => {
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
      (output) => port.postMessage({ id: request.id, ok: true, output } satisfies PoolReply),
      (error: unknown) =>
        port.postMessage({
          id: request.id,
          ok: false,
          message: errorMessage(error),
          errorName: error instanceof Error ? error.name : 'Error',
        } satisfies PoolReply),
    );
});
