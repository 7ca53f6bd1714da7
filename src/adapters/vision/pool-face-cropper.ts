import type { FaceCropper } from '../../core/people/face-thumbnails.js';
import type { RelativeBox } from '../../core/vision/vision-ports.js';
import { taskModuleUrl, type WorkerPool } from '../runtime/worker-pool.js';
import type { FaceCropInput } from './face-crop-task.js';

const TASK = taskModuleUrl(import.meta.url, 'face-crop-task');

/** Face thumbnails cut on the model pool's threads (face-crop-task.ts), never on the main thread. */
export class PoolFaceCropper implements FaceCropper {
  constructor(private readonly pool: WorkerPool) {}

  async crop(preview: Buffer, box: RelativeBox): Promise<Buffer> {
    const input: FaceCropInput = { preview, box };
    const jpeg = await this.pool.run<Uint8Array>(TASK, input);
    return Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength);
  }
}
