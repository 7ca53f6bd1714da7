import type { PoolReply, PoolRequest } from './pool-thread.js';
import { startPoolWorker, type PoolIsolation, type PoolWorker } from './pool-workers.js';

/**
 * [Note: One pool for heavy compute]
 * Work that would hold the event loop for tens of milliseconds or more (face and object models,
 * OCR, image embeddings) runs on worker threads from this pool. A task is a module with a
 * `run(input)` export, named by its URL: the thread imports it on first use and keeps it, so a
 * model the module loads stays loaded between tasks. After `idleMs` without a task the threads
 * end, and with them every model they held: an idle server gives that memory back. The next task
 * starts a thread again (and the model loads again, a second or two).
 *
 * Nothing here knows what a task does: adapters (adapters/vision/) own their task modules. A
 * process that never runs a task (an API-only process) never starts a thread, so it never loads
 * a model runtime.
 *
 * The workers can be child processes instead of threads (`isolation: 'process'`), for the vision
 * models: a thread's memory goes back to glibc's arenas, which this process shares with it and
 * keeps (measured: an idle server 20-25 MiB above its start after a vision burst, with
 * MALLOC_ARENA_MAX=2), while a process that ends gives every page back. A process costs a node
 * start (~50 ms) when the pool wakes, and its inputs are copied, not moved, which for previews
 * of a few hundred KB is nothing beside a model run.
 */
export interface WorkerPoolOptions {
  /** Threads at most; tasks beyond that wait their turn. */
  threads: number;
  /** The threads end after this long without a task (0: they stay). */
  idleMs: number;
  /** Called after the threads ended for want of work. */
  onIdle?: () => void;
  /**
   * The threads' nice value (0 to 19; Linux gives each thread its own): background work at 10
   * gives the cores to uploads, thumbnails and HTTP first. Threads the tasks start inherit it.
   */
  nice?: number;
  /** Threads of this process (default), or child processes; see above. */
  isolation?: PoolIsolation;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  thread: PoolThread;
}

interface PoolThread {
  worker: PoolWorker;
  busy: number;
}

interface Queued {
  request: Omit<PoolRequest, 'id'>;
  transfer: readonly ArrayBuffer[];
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** The URL of a task module beside `base` (a module's `import.meta.url`), compiled or under tsx. */
export function taskModuleUrl(base: string, name: string): string {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base).href;
}

/**
 * A task failed inside its module (the module threw): the message is the module's, and
 * `taskErrorName` the name of what it threw (an adapter turns `ModelUnavailableError` back into
 * that class on this side).
 */
export class PoolTaskError extends Error {
  override name = 'PoolTaskError';
  constructor(
    message: string,
    readonly taskErrorName: string,
  ) {
    super(message);
  }
}

export class WorkerPool {
  private readonly threads: PoolThread[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly waiting: Queued[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Runs `input` through the `run` export of the module at `moduleUrl` on a pool thread. */
  run<T>(moduleUrl: string, input: unknown, transfer: readonly ArrayBuffer[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    clearTimeout(this.idleTimer);
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        request: { moduleUrl, input },
        transfer,
        resolve: resolve as (value: unknown) => void,
        reject,
      });
      this.dispatch();
    });
  }

  /** Threads running now (0 once idle: no model is held). */
  get threadCount(): number {
    return this.threads.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.idleTimer);
    for (const queued of this.waiting.splice(0)) queued.reject(new Error('the worker pool closed'));
    await this.endThreads();
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const thread = this.freeThread();
      if (!thread) return;
      const queued = this.waiting.shift()!;
      const id = this.nextId++;
      thread.busy++;
      if (thread.busy === 1) thread.worker.ref(); // keep the process alive while working
      this.pending.set(id, { resolve: queued.resolve, reject: queued.reject, thread });
      thread.worker.post({ id, ...queued.request } satisfies PoolRequest, queued.transfer);
    }
  }

  /** An idle thread, or a new one while under the limit. One task per thread at a time. */
  private freeThread(): PoolThread | undefined {
    const idle = this.threads.find((t) => t.busy === 0);
    if (idle) return idle;
    if (this.threads.length >= Math.max(1, this.options.threads)) return undefined;
    const thread: PoolThread = {
      worker: startPoolWorker(this.options.isolation ?? 'thread', { nice: this.options.nice ?? 0 }),
      busy: 0,
    };
    thread.worker.unref();
    thread.worker.onMessage((reply: PoolReply) => this.settle(reply));
    // A crashed thread fails only the tasks it held (their jobs retry); the next task starts another.
    const lost = (error: Error) => {
      const index = this.threads.indexOf(thread);
      if (index === -1) return;
      this.threads.splice(index, 1);
      for (const [id, pending] of this.pending) {
        if (pending.thread !== thread) continue;
        this.pending.delete(id);
        pending.reject(error);
      }
      this.dispatch();
    };
    thread.worker.onLost(lost);
    this.threads.push(thread);
    return thread;
  }

  private settle(reply: PoolReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    const { thread } = pending;
    thread.busy--;
    if (thread.busy === 0) thread.worker.unref();
    if (reply.ok) pending.resolve(reply.output);
    else pending.reject(new PoolTaskError(reply.message, reply.errorName));
    this.dispatch();
    if (this.pending.size === 0 && this.waiting.length === 0) this.releaseWhenIdle();
  }

  private releaseWhenIdle(): void {
    clearTimeout(this.idleTimer);
    if (this.options.idleMs <= 0) return;
    this.idleTimer = setTimeout(() => {
      if (this.pending.size > 0 || this.waiting.length > 0) return;
      void this.endThreads().then(() => this.options.onIdle?.());
    }, this.options.idleMs);
    this.idleTimer.unref();
  }

  private async endThreads(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }
}
