import type { BlobStore } from '../../core/ports/blob-store.js';
import { DiskBlobStore } from './disk-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

export interface OpenedBlobStore extends BlobStore {
  init(): Promise<void>;
  close?(): Promise<void>;
}

/** `s3://bucket/prefix` opens an object store; anything else is a folder on this machine. */
export async function openBlobStore(
  url: string,
  options: { s3ForcePathStyle: boolean },
): Promise<OpenedBlobStore> {
  const store = isS3Url(url)
    ? new S3BlobStore(url, { forcePathStyle: options.s3ForcePathStyle })
    : new DiskBlobStore(url);
  await store.init(); // an unreachable bucket stops start-up here, named
  return store;
}

export const isS3Url = (url: string): boolean => /^s3:\/\//i.test(url);
