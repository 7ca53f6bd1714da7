import type {
  ImageFingerprint,
  PerceptualHasher,
} from '../../core/duplicates/perceptual-hasher.js';
import { UndecodableImageError } from '../../core/media/image-renderer.js';
import { PoolTaskError, taskModuleUrl, type WorkerPool } from '../runtime/worker-pool.js';
// Types only: sharp is loaded by the task module, on the pool's threads alone.
import type { FingerprintTaskInput } from './perceptual-hash-task.js';

const TASK = taskModuleUrl(import.meta.url, 'perceptual-hash-task');

/**
 * Fingerprints a preview with sharp on the worker pool.
 *
 * Why the pool and not the main thread, though a fingerprint costs only ~15 ms (one decode with
 * shrink-on-load, then ~2 ms of arithmetic): the main thread of an all-in-one server also answers
 * HTTP and never loads sharp (the renderer has its own thread for that reason, [Note: Memory
 * after a burst]); the vision queue runs one job at a time by default, so the step waits for no
 * model; and the pool's thread ends when idle, with sharp's buffers.
 * See: [Note: One pool for heavy compute].
 */
export class SharpPerceptualHasher implements PerceptualHasher {
  readonly version = 'phash64-dct32+rgb8x8+laplacian384/1';

  constructor(private readonly pool: WorkerPool) {}

  async fingerprint(image: Uint8Array): Promise<ImageFingerprint> {
    try {
      return await this.pool.run<ImageFingerprint>(TASK, { image } satisfies FingerprintTaskInput);
    } catch (error) {
      if (error instanceof PoolTaskError && error.taskErrorName === 'UndecodableImageError')
        throw new UndecodableImageError(error.message);
      throw error;
    }
  }
}
