import { createHash } from 'node:crypto';
import { BlobNotFoundError, type BlobStore } from '../core/ports/blob-store.js';

export interface ReadBack {
  size: number;
  /** SHA-256 of the bytes, lowercase hex, as the assets' `checksum` column holds it. */
  sha256: string;
}

/** Streams a blob through SHA-256; undefined when the store has no such key. */
export async function readBack(store: BlobStore, key: string): Promise<ReadBack | undefined> {
  let body;
  try {
    body = await store.get(key);
  } catch (error) {
    if (error instanceof BlobNotFoundError) return undefined;
    throw error;
  }
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}
