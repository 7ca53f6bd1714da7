import { parentPort, workerData } from 'node:worker_threads';
import { UndecodableImageError } from '../../core/media/image-renderer.js';
import { SharpImageRenderer, type SharpRendererOptions } from './sharp-image-renderer.js';
import type { RenderReply, RenderRequest } from './worker-thread-image-renderer.js';
import { errorMessage } from '../../core/errors.js';

/*
 * The worker thread's side of WorkerThreadImageRenderer: renders whatever paths it is sent,
 * several at once (libvips works on its own threads), and answers each by its id.
 */
const renderer = new SharpImageRenderer(workerData as SharpRendererOptions);
const port = parentPort!;

port.on('message', (request: RenderRequest) => {
  renderer.render(request.path).then(
    (result) => port.postMessage({ id: request.id, ok: true, result } satisfies RenderReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        ok: false,
        undecodable: error instanceof UndecodableImageError,
        message: errorMessage(error),
      } satisfies RenderReply),
  );
});
