import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.js';
import type { Keepsake } from '../../keepsake.js';

/*
 * [Note: Stalled and piled-up uploads]
 * An upload holds a connection, a staging file and a hashing stream for as long as its body
 * lasts. A client that declares 5 GB and then sends nothing (or a few bytes a minute) would hold
 * them for ever, and a few dozen such requests tie up the server. Two guards, on every route
 * that takes a file (multipart POST /api/assets, the sidecar PUT, a link's upload, tus):
 * - progress: no byte of the body for KEEPSAKE_UPLOAD_IDLE_TIMEOUT_SECONDS ends the request with
 *   408 UPLOAD_STALLED and `Connection: close`; a plain upload's staging file is removed as for
 *   any failed upload. A tus PATCH keeps what it received (resuming is the point of tus) until
 *   the upload expires.
 * - concurrency: each person (a link's guests count as one, the link) may have
 *   KEEPSAKE_MAX_CONCURRENT_UPLOADS_PER_USER uploads in flight in this process; one more is
 *   answered 429 TOO_MANY_UPLOADS before its body is read.
 * Progress is read from the socket's byte count, not from the body stream, so watching takes
 * nothing from whoever reads the body.
 */

/** Uploads in flight per uploader, in this process. */
export class UploadSlots {
  private readonly inFlight = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Holds a slot for `uploader` until the response ends; 429 when they hold them all. */
  take(uploader: string, reply: FastifyReply): void {
    const held = this.inFlight.get(uploader) ?? 0;
    if (held >= this.max)
      throw new AppError(
        'TOO_MANY_UPLOADS',
        `At most ${this.max} uploads at once: wait for one to finish, then send the next.`,
      );
    this.inFlight.set(uploader, held + 1);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(uploader) ?? 1) - 1;
      if (left > 0) this.inFlight.set(uploader, left);
      else this.inFlight.delete(uploader);
    };
    reply.raw.once('finish', release);
    reply.raw.once('close', release);
  }
}

const slotsOf = new WeakMap<Keepsake, UploadSlots>();

/** The one set of slots of this process's routes. */
export function uploadSlotsFor(keepsake: Keepsake): UploadSlots {
  let slots = slotsOf.get(keepsake);
  if (!slots) {
    slots = new UploadSlots(keepsake.config.maxConcurrentUploadsPerUser);
    slotsOf.set(keepsake, slots);
  }
  return slots;
}

export interface UploadWatch {
  /** The stall, when the watch ended the request; else `error` itself. */
  explain(error: unknown): unknown;
  stop(): void;
}

/**
 * Watches a request's body for progress; after `seconds` without a byte, `onStall` ends it. See:
 * [Note: Stalled and piled-up uploads].
 */
export function watchUploadProgress(
  request: FastifyRequest,
  seconds: number,
  onStall: (error: AppError) => void,
): UploadWatch {
  const raw = request.raw;
  const socket = raw.socket as { bytesRead?: number } | null;
  const stallError = new AppError(
    'UPLOAD_STALLED',
    `The upload stopped: nothing arrived for ${seconds} s. Send it again (a resumable upload ` +
      'picks up where it stopped).',
  );
  let stalled = false;
  let lastRead = socket?.bytesRead;
  let quietSince = Date.now();
  const timer = setInterval(
    () => {
      if (raw.complete || raw.destroyed) return stop();
      const read = socket?.bytesRead;
      if (read === undefined) return stop(); // not a socket (an injected request): nothing to watch
      if (read !== lastRead) {
        lastRead = read;
        quietSince = Date.now();
        return;
      }
      if (Date.now() - quietSince < seconds * 1000) return;
      stalled = true;
      stop();
      onStall(stallError);
    },
    Math.min(1000, (seconds * 1000) / 4),
  );
  timer.unref();
  function stop() {
    clearInterval(timer);
  }
  return { explain: (error) => (stalled ? stallError : error), stop };
}

/**
 * For a body read through @fastify/multipart: the stall is raised on the request, which the
 * multipart reader passes to the file being read, so the upload fails (and its staging file is
 * removed) as it would for a cut connection; the answer closes the connection.
 */
export function watchMultipartUpload(
  request: FastifyRequest,
  reply: FastifyReply,
  seconds: number,
): UploadWatch {
  return watchUploadProgress(request, seconds, (error) => {
    void reply.header('Connection', 'close');
    // Nobody reading the body yet to pass the error on: then only closing the connection ends it.
    if (request.raw.listenerCount('error') > 0) request.raw.emit('error', error);
    else request.raw.destroy();
  });
}
