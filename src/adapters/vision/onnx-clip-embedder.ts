import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ModelUnavailableError, type ImageTextEmbedder } from '../../core/vision/vision-ports.js';
import { PoolTaskError, taskModuleUrl, type WorkerPool } from '../runtime/worker-pool.js';
import type { ClipTaskInput } from './clip-task.js';

const TASK = taskModuleUrl(import.meta.url, 'clip-task');
/** Changes when the preprocessing or tokenizing here does: every photo is embedded again. */
const CODE_VERSION = 1;

/**
 * A CLIP export run by onnxruntime-node on the pool. See: [Note: CLIP on the pool]. This side
 * only sends bytes and text: the runtime is imported by clip-task.ts on a pool thread.
 */
export class OnnxClipEmbedder implements ImageTextEmbedder {
  readonly version: string;

  constructor(
    private readonly pool: WorkerPool,
    private readonly modelDir: string,
  ) {
    // Another model (another folder, or other weights in it) gives other vectors.
    this.version = `onnx-clip-${CODE_VERSION}/${basename(modelDir)}/${visualSize(modelDir)}`;
  }

  embedImage(image: Uint8Array): Promise<Float32Array> {
    return this.run({ modelDir: this.modelDir, kind: 'image', image });
  }

  embedText(text: string): Promise<Float32Array> {
    return this.run({ modelDir: this.modelDir, kind: 'text', text });
  }

  private async run(input: ClipTaskInput): Promise<Float32Array> {
    try {
      return await this.pool.run<Float32Array>(TASK, input);
    } catch (error) {
      if (error instanceof PoolTaskError && error.taskErrorName === 'ModelUnavailableError')
        throw new ModelUnavailableError(error.message);
      throw error;
    }
  }
}

/** The image model's size in bytes: cheap to read at start, and other weights differ in it. */
function visualSize(modelDir: string): string {
  try {
    return String(statSync(join(modelDir, 'visual', 'model.onnx')).size);
  } catch {
    return 'missing';
  }
}
