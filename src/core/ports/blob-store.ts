import type { Readable } from 'node:stream';

/**
 * Where originals and renditions live, addressed by key (`originals/ab/cd/<sha256>`), never by
 * path, so a folder on disk and an S3 bucket are interchangeable.
 *
 * @example
 *   const staged = await blobs.stage(request.file);   // durable in staging, not yet visible
 *   await staged.commit('originals/ab/cd/abcd...');  // atomic: whole or nothing
 */
export interface BlobStore {
  readonly capabilities: BlobStoreCapabilities;
  /** Writes the stream to a private staging area and makes it durable (fsync). */
  stage(source: Readable): Promise<StagedBlob>;
  /** Writes a whole value atomically: readers see the old value or the new one, never a part. */
  put(key: string, data: Buffer): Promise<void>;
  /** Reads a key, or a byte range of it (`end` inclusive). Throws BlobNotFoundError. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  stat(key: string): Promise<BlobStat | undefined>;
  /** Removes a key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  list(prefix: string): AsyncIterable<string>;
  /** Runs `use` with the key's bytes as a local file (media tools need paths); cleans up after. */
  withLocalFile<T>(key: string, use: (path: string) => Promise<T>): Promise<T>;
  /** Removes staged blobs that were never committed (left by a crash), older than `olderThanMs`. */
  cleanStaging(olderThanMs: number): Promise<number>;
  /**
   * A URL that lets anyone holding it download `key` directly from the store for
   * `expiresSeconds`, so large originals and videos need not stream through the API. Present
   * only where `capabilities.presignedUrls` is true.
   *
   * @example
   *   if (blobs.presignGet) {
   *     const url = await blobs.presignGet(key, 300, { contentDisposition: 'attachment' });
   *   }
   */
  presignGet?(key: string, expiresSeconds: number, options?: PresignGetOptions): Promise<string>;
}

export interface PresignGetOptions {
  /** Sent back as the response's Content-Disposition (`attachment; filename="IMG_0001.HEIC"`). */
  contentDisposition?: string;
  /** Sent back as the response's Content-Type, whatever the object was stored with. */
  contentType?: string;
}

export interface BlobStoreCapabilities {
  /** The store can hand out short-lived URLs that clients fetch from directly. */
  readonly presignedUrls: boolean;
}

export interface StagedBlob {
  readonly size: number;
  /** Moves the staged bytes to `key` atomically. Overwrites: keys are content-addressed. */
  commit(key: string): Promise<void>;
  discard(): Promise<void>;
}

export interface ByteRange {
  start: number;
  end: number;
}

export interface BlobStat {
  size: number;
  modifiedAt: Date;
}

export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No blob at key ${key}`);
    this.name = 'BlobNotFoundError';
  }
}
