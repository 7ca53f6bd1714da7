import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { _Object, S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import {
  BlobNotFoundError,
  type BlobStat,
  type BlobStore,
  type BlobStoreCapabilities,
  type ByteRange,
  type PresignGetOptions,
  type StagedBlob,
} from '../../core/ports/blob-store.js';
import { assertBlobKey } from './blob-key.js';
import { makeLocalCopyDir, removeOrphanedLocalCopies } from './local-copies.js';
import { describeBucketCheckError, isNotFound } from './s3-errors.js';
import { copyInParts } from './s3-multipart-copy.js';
import { parseS3Url } from './s3-url.js';

export { parseS3Url, type S3Location } from './s3-url.js';

type S3Sdk = typeof import('@aws-sdk/client-s3');

const STAGING = '.staging/';
const MiB = 1024 * 1024;
// S3's own limits: CopyObject refuses larger sources; parts but the last must be at least 5 MiB;
// a presigned URL lives at most a week.
const COPY_OBJECT_MAX = 5 * 1024 * MiB;
const MIN_PART_SIZE = 5 * MiB;
const PRESIGN_MAX_SECONDS = 7 * 24 * 3600;

export interface S3BlobStoreOptions {
  /** `endpoint/bucket/key` URLs instead of `bucket.endpoint/key`; MinIO and s3rver need it. */
  forcePathStyle?: boolean;
  /**
   * Overrides for the SDK client (endpoint, region, credentials...). Without them the SDK reads
   * its own variables: AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL, AWS_REGION, AWS_ACCESS_KEY_ID,
   * AWS_SECRET_ACCESS_KEY.
   */
  client?: S3ClientConfig;
  /** Bytes per part of a streamed upload; two parts per upload are held in memory. 8 MiB. */
  uploadPartSize?: number;
  /** A staged blob larger than this is committed by a multipart copy. 5 GiB, CopyObject's limit. */
  multipartCopyThreshold?: number;
  /** Bytes per part of a multipart copy; the copy runs on the server, so large parts are cheap. */
  copyPartSize?: number;
  /** Keys per listing request (S3 answers at most 1000). */
  listPageSize?: number;
}

/**
 * Blobs as objects in an S3 bucket (AWS or any S3-compatible store), under an optional prefix.
 * Every stage streams to `<prefix>/.staging/<uuid>` as a multipart upload; commit copies it to
 * its key (S3 has no rename; the copy appears whole or not at all) and deletes the staged object.
 * Bytes acknowledged by S3 are durable, so there is nothing to fsync.
 *
 * @example
 *   const blobs = new S3BlobStore('s3://photos/keepsake', { forcePathStyle: true });
 *   await blobs.init(); // fails start-up with the bucket and endpoint when unreachable
 */
export class S3BlobStore implements BlobStore {
  readonly capabilities: BlobStoreCapabilities = { presignedUrls: true };
  readonly bucket: string;
  /** Prepended to every key: the URL's prefix and a slash, or '' for the bucket's root. */
  private readonly root: string;
  private readonly uploadPartSize: number;
  private readonly multipartCopyThreshold: number;
  private readonly copyPartSize: number;
  private connection?: Promise<{ sdk: S3Sdk; client: S3Client }>;

  constructor(
    url: string,
    private readonly options: S3BlobStoreOptions = {},
  ) {
    const { bucket, prefix } = parseS3Url(url);
    this.bucket = bucket;
    this.root = prefix ? `${prefix}/` : '';
    this.uploadPartSize = atLeastPartSize('uploadPartSize', options.uploadPartSize ?? 8 * MiB);
    this.copyPartSize = atLeastPartSize('copyPartSize', options.copyPartSize ?? 512 * MiB);
    const threshold = options.multipartCopyThreshold ?? COPY_OBJECT_MAX;
    this.multipartCopyThreshold = Math.max(0, Math.min(threshold, COPY_OBJECT_MAX));
  }

  /**
   * Checks that the bucket answers, so a wrong endpoint, name or key stops start-up; clears the
   * local copies that crashed processes left behind.
   */
  async init(): Promise<void> {
    await removeOrphanedLocalCopies();
    const { sdk, client } = await this.connect();
    const command = new sdk.HeadBucketCommand({ Bucket: this.bucket });
    // The endpoint may come from the SDK's environment, which only the sent request reveals.
    let endpoint = 'no endpoint (the SDK could not resolve one)';
    command.middlewareStack.add(
      (next) => async (args) => {
        endpoint = describeTarget(args.request);
        return next(args);
      },
      { step: 'finalizeRequest', name: 'keepsakeRecordEndpoint' },
    );
    try {
      await client.send(command);
    } catch (error) {
      throw new Error(
        `S3 bucket "${this.bucket}" is not reachable at ${endpoint}: ${describeBucketCheckError(error)}`,
        { cause: error },
      );
    }
  }

  /** Releases the client's connections. */
  async close(): Promise<void> {
    if (this.connection) (await this.connection).client.destroy();
  }

  async stage(source: Readable): Promise<StagedBlob> {
    const { client } = await this.connect();
    const { Upload } = await import('@aws-sdk/lib-storage');
    const stagingKey = `${this.root}${STAGING}${crypto.randomUUID()}`;
    const counter = new ByteCounter();
    const upload = new Upload({
      client,
      params: { Bucket: this.bucket, Key: stagingKey, Body: counter },
      partSize: this.uploadPartSize,
      queueSize: 2,
      leavePartsOnError: false, // a failed multipart upload is aborted, not left billed
    });
    // The first failure is the one to report: when the client goes away, the upload fails too
    // (and its abort may fail as well), but the cause is the source.
    let failure: { error: unknown } | undefined;
    await Promise.all([
      pipeline(source, counter).catch((error: unknown) => {
        failure ??= { error };
      }),
      upload.done().catch((error: unknown) => {
        failure ??= { error };
        counter.destroy(); // stops the source, which would otherwise wait for a reader forever
      }),
    ]);
    if (failure) {
      // A single-request upload can land before the failure is seen; leave nothing behind.
      await this.deleteObject(stagingKey).catch(() => undefined);
      throw failure.error;
    }
    const size = counter.bytes;
    let settled = false;
    return {
      size,
      commit: async (key) => {
        await this.copy(stagingKey, this.objectKey(key), size);
        settled = true;
        // The blob is committed; a staged copy left by a failed delete is cleanStaging's to remove.
        await this.deleteObject(stagingKey).catch(() => undefined);
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await this.deleteObject(stagingKey);
      },
    };
  }

  async put(key: string, data: Buffer): Promise<void> {
    const { sdk, client } = await this.connect();
    await client.send(
      new sdk.PutObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key), Body: data }),
    );
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const { sdk, client } = await this.connect();
    const command = new sdk.GetObjectCommand({
      Bucket: this.bucket,
      Key: this.objectKey(key),
      Range: range && `bytes=${range.start}-${range.end}`,
    });
    const response = await client.send(command).catch((error: unknown) => {
      throw isNotFound(error) ? new BlobNotFoundError(key) : error;
    });
    // In Node the body is an http.IncomingMessage: a Readable.
    return response.Body as Readable;
  }

  async stat(key: string): Promise<BlobStat | undefined> {
    const { sdk, client } = await this.connect();
    try {
      const head = await client.send(
        new sdk.HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }),
      );
      return { size: head.ContentLength ?? 0, modifiedAt: head.LastModified ?? new Date(0) };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers a delete of a missing key with success.
    await this.deleteObject(this.objectKey(key));
  }

  async *list(prefix: string): AsyncIterable<string> {
    for await (const object of this.listObjects(`${this.root}${prefix}`)) {
      const key = object.Key?.slice(this.root.length);
      // Dot-folders are working areas, not blobs: `.staging/` here, `.tus/` for resumable uploads.
      if (key && !key.startsWith('.')) yield key;
    }
  }

  async withLocalFile<T>(key: string, use: (path: string) => Promise<T>): Promise<T> {
    const dir = await makeLocalCopyDir();
    try {
      // The key's last segment as the file name keeps its extension, which some tools look at.
      const path = join(dir, key.split('/').pop() ?? 'blob');
      await pipeline(await this.get(key), createWriteStream(path, { flags: 'wx' }));
      return await use(path);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /**
   * Removes staged objects older than `olderThanMs` by the store's LastModified (the store's
   * clock against this one). Unfinished multipart uploads are not objects and are not listed
   * here: give the bucket a lifecycle rule that aborts incomplete multipart uploads.
   */
  async cleanStaging(olderThanMs: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for await (const object of this.listObjects(`${this.root}${STAGING}`)) {
      if (object.Key && object.LastModified && object.LastModified.getTime() <= cutoff) {
        await this.deleteObject(object.Key);
        removed++;
      }
    }
    return removed;
  }

  /**
   * A GET URL signed with this store's credentials, valid for `expiresSeconds` (1 s to 7 days).
   * Signing is local: it does not check that the key exists (fetching a missing key answers 404).
   */
  async presignGet(
    key: string,
    expiresSeconds: number,
    options: PresignGetOptions = {},
  ): Promise<string> {
    if (
      !Number.isInteger(expiresSeconds) ||
      expiresSeconds < 1 ||
      expiresSeconds > PRESIGN_MAX_SECONDS
    ) {
      throw new RangeError(
        `expiresSeconds must be a whole number from 1 to ${PRESIGN_MAX_SECONDS}, not ${expiresSeconds}`,
      );
    }
    const { sdk, client } = await this.connect();
    const { getSignedUrl } = await import('@aws-sdk/s3-request-presigner');
    const command = new sdk.GetObjectCommand({
      Bucket: this.bucket,
      Key: this.objectKey(key),
      ResponseContentDisposition: options.contentDisposition,
      ResponseContentType: options.contentType,
    });
    return getSignedUrl(client, command, { expiresIn: expiresSeconds });
  }

  // Loaded on first use: the SDK is megabytes of modules that a disk-only install never needs.
  private connect(): Promise<{ sdk: S3Sdk; client: S3Client }> {
    this.connection ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      client: new sdk.S3Client({
        forcePathStyle: this.options.forcePathStyle,
        ...this.options.client,
      }),
    }));
    return this.connection;
  }

  private async copy(sourceKey: string, targetKey: string, size: number): Promise<void> {
    const { sdk, client } = await this.connect();
    if (size > this.multipartCopyThreshold) {
      await copyInParts(sdk, client, {
        bucket: this.bucket,
        sourceKey,
        targetKey,
        size,
        partSize: this.copyPartSize,
        concurrency: 4,
      });
      return;
    }
    await client.send(
      new sdk.CopyObjectCommand({
        Bucket: this.bucket,
        Key: targetKey,
        CopySource: `${this.bucket}/${sourceKey.split('/').map(encodeURIComponent).join('/')}`,
      }),
    );
  }

  private async deleteObject(objectKey: string): Promise<void> {
    const { sdk, client } = await this.connect();
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key: objectKey }));
  }

  private async *listObjects(prefix: string): AsyncIterable<_Object> {
    const { sdk, client } = await this.connect();
    let ContinuationToken: string | undefined;
    do {
      const page = await client.send(
        new sdk.ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          ContinuationToken,
          MaxKeys: this.options.listPageSize,
        }),
      );
      yield* page.Contents ?? [];
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
  }

  private objectKey(key: string): string {
    assertBlobKey(key);
    return `${this.root}${key}`;
  }
}

/** Passes bytes through, counting them: the size of a stage is known only once it has streamed. */
class ByteCounter extends Transform {
  bytes = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

function atLeastPartSize(name: string, bytes: number): number {
  if (!Number.isInteger(bytes) || bytes < MIN_PART_SIZE) {
    throw new RangeError(`${name} must be at least 5 MiB (S3's minimum part size), not ${bytes}`);
  }
  return bytes;
}

// Where a request went, as `protocol//host:port`: the endpoint an operator has to check.
function describeTarget(request: unknown): string {
  const { protocol, hostname, port } = request as {
    protocol?: string;
    hostname?: string;
    port?: number;
  };
  return `${protocol ?? 'https:'}//${hostname}${port ? `:${port}` : ''}`;
}
