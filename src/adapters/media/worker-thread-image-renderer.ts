import { Worker } from 'node:worker_threads';
import {
  UndecodableImageError,
  type ImageRenderer,
  type RenderedImage,
} from '../../core/media/image-renderer.js';
import type { SharpRendererOptions } from './sharp-image-renderer.js';

export interface RenderRequest {
  id: number;
  path: string;
}

export type RenderReply =
  | { id: number; ok: true; result: RenderedImage }
  | { id: number; ok: false; undecodable: boolean; message: string };

interface Pending {
  resolve: (result: RenderedImage) => void;
  reject: (error: Error) => void;
}

export interface WorkerThreadRendererOptions extends SharpRendererOptions {
  /** The thread ends after this long without a render (0: it stays). See: [Note: Memory after a burst]. */
  idleMs?: number;
  /** Called once the thread has ended for want of work (the burst is over). */
  onIdle?: () => void;
}

const UNDER_TSX = import.meta.url.endsWith('.ts');
const WORKER_URL = new URL(`./image-render-worker${UNDER_TSX ? '.ts' : '.js'}`, import.meta.url);

/**
 * Compiled, the worker is the .js file beside this one. Under the tsx loader (tests, benchmarks)
 * it is the .ts file, and a worker thread does not inherit the loader: it registers it first.
 */
function startWorker(workerData: SharpRendererOptions): Worker {
  if (!UNDER_TSX) return new Worker(WORKER_URL, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Renders with SharpImageRenderer on a worker thread, started on first use.
 *
 * Why a thread: each render holds a ~5 MB decoded preview as a Buffer, and while uploads stream
 * into the same process those buffers made V8 run dozens of full collections a minute on the main
 * thread (measured in bench/ingest.ts). On its own thread the renderer's memory is its own heap's
 * business, and a slow or huge image never holds up an HTTP answer.
 */
export class WorkerThreadImageRenderer implements ImageRenderer {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly idleMs: number;

  constructor(private readonly options: WorkerThreadRendererOptions = {}) {
    this.idleMs = options.idleMs ?? 0;
  }

  render(path: string): Promise<RenderedImage> {
    clearTimeout(this.idleTimer);
    const worker = this.started();
    const id = this.nextId++;
    return new Promise<RenderedImage>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) worker.ref(); // keep the process alive while rendering
      worker.postMessage({ id, path } satisfies RenderRequest);
    });
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const { idleMs: _idleMs, onIdle: _onIdle, ...rendererOptions } = this.options;
    const worker = startWorker(rendererOptions);
    worker.unref();
    worker.on('message', (reply: RenderReply) => this.settle(reply));
    // A crashed thread fails only the renders it held (their jobs retry); the next render starts a new one.
    const lost = (error: Error) => {
      // A thread that ended for idleness may exit after its successor took new renders.
      if (this.worker !== worker && this.worker !== undefined) return;
      this.worker = undefined;
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    worker.on('error', lost);
    worker.on('exit', (code) => lost(new Error(`the image worker thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  /** See: [Note: Memory after a burst]. */
  private releaseWhenIdle(): void {
    clearTimeout(this.idleTimer);
    if (this.idleMs <= 0) return;
    this.idleTimer = setTimeout(() => {
      if (this.pending.size > 0) return;
      void this.close().then(() => this.options.onIdle?.());
    }, this.idleMs);
    this.idleTimer.unref();
  }

  private settle(reply: RenderReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) {
      this.worker?.unref();
      this.releaseWhenIdle();
    }
    if (reply.ok) pending.resolve(withBuffers(reply.result));
    else if (reply.undecodable) pending.reject(new UndecodableImageError(reply.message));
    else pending.reject(new Error(reply.message));
  }
}

// Structured cloning turns Buffers into plain Uint8Arrays; callers expect Buffers.
function withBuffers(result: RenderedImage): RenderedImage {
  const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return {
    ...result,
    preview: { ...result.preview, data: asBuffer(result.preview.data) },
    thumbnail: { ...result.thumbnail, data: asBuffer(result.thumbnail.data) },
  };
}
