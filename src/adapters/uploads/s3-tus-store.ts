import type { ReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Part, S3ClientConfig } from '@aws-sdk/client-s3';
import { S3Store, type MetadataValue } from '@tus/s3-store';
import { ERRORS, Upload, type KvStore } from '@tus/server';
import { parseS3Url } from '../blobs/s3-url.js';

/** Where partial uploads live inside the storage URL's prefix; never a valid blob key. */
export const TUS_FOLDER = '.tus/';

export interface S3TusStoreOptions {
  /** `endpoint/bucket/key` URLs instead of `bucket.endpoint/key`; MinIO and s3rver need it. */
  forcePathStyle?: boolean;
  /** Overrides for the SDK client; without them it reads AWS_ENDPOINT_URL_S3, AWS_REGION... */
  client?: S3ClientConfig;
  /** An upload not finished this long after its creation is refused (410) and then deleted. */
  expirationPeriodInMilliseconds: number;
  /** Bytes per S3 part (8 MiB); smaller PATCHes wait in an object until a part is full. */
  partSize?: number;
}

// Upload ids come from the URL; tus's own are hex. Anything else could name another upload's
// `.info` or `.part` object, so it is refused as unknown.
const UPLOAD_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * Resumable uploads kept in the object store, so that any API process can take up an upload
 * another one began: @tus/s3-store (one S3 multipart upload per tus upload, each PATCH appended
 * as parts; a tail under S3's 5 MiB part minimum waits in `<id>.part`; the upload's length and
 * metadata in `<id>.info`), under `<prefix>/.tus/` of the storage URL. What it changes:
 *
 * - Keys: the URL's upload id becomes `<prefix>/.tus/<id>` (the store itself knows no prefix).
 * - No per-process metadata cache: another process may have declared the length or removed the
 *   upload, so `.info` is read each time (one small GET).
 * - getUpload: a multipart upload that is gone although its object was never completed (aborted
 *   by a lifecycle rule, say) is an upload that no longer exists (410), not a finished one.
 * - remove also works after completion (the store's own stops at the finished multipart upload
 *   and leaves the object behind); expiry lists only this prefix, by the objects' age, instead
 *   of every multipart upload in the bucket (which ListMultipartUploads would need).
 *
 * - Parts are recorded in `<id>.parts`, for stores without ListParts. See: [Note: Parts without
 *   ListParts].
 *
 * Object tags are not used: expiry is done here, not by tag-filtered lifecycle rules.
 */
export class S3TusStore extends S3Store {
  /** Prepended to every upload id: `<prefix>/.tus/`. */
  private readonly root: string;
  /** Parts sent by the write in progress and not yet in `<id>.parts`, by upload key. */
  private readonly unrecorded = new Map<string, Part[]>();
  /** False once the store has answered that it does not implement ListParts. */
  private listPartsWorks = true;

  constructor(url: string, options: S3TusStoreOptions) {
    const { bucket, prefix } = parseS3Url(url);
    super({
      s3ClientConfig: { bucket, forcePathStyle: options.forcePathStyle, ...options.client },
      partSize: options.partSize,
      expirationPeriodInMilliseconds: options.expirationPeriodInMilliseconds,
      useTags: false,
      cache: new NoCache(),
      // Each part waits in a temporary file while it is sent; a few at a time per process.
      maxConcurrentPartUploads: 8,
    });
    this.root = `${prefix ? `${prefix}/` : ''}${TUS_FOLDER}`;
  }

  override async create(upload: Upload): Promise<Upload> {
    const created = await super.create(new Upload({ ...upload, id: this.objectKey(upload.id) }));
    // The tus server reads the creation date off the upload it passed in.
    upload.creation_date = created.creation_date;
    upload.storage = created.storage;
    return upload;
  }

  override async write(source: Readable, id: string, offset: number): Promise<number> {
    const key = this.objectKey(id);
    try {
      return await super.write(source, key, offset);
    } finally {
      // Also after a failure: the parts sent before it are in the store and count.
      await this.recordParts(key);
    }
  }

  /**
   * [Note: Parts without ListParts]
   * @tus/s3-store learns an upload's offset, its next part number and the parts to complete
   * with from ListParts, which some S3-compatible stores do not implement (stock s3rver answers
   * 405; so do some gateways). Once the store has refused ListParts (which every write asks
   * before its first part), every part sent is therefore also recorded, with its ETag and size,
   * in `<id>.parts` at the end of each write, and the record is read instead. A store whose
   * ListParts works pays nothing for this. A part sent but not recorded (a crash between
   * the two) is not counted: the client resends those bytes, under the same part number, which
   * replaces it. Where ListParts works it stays the authority, so an upload aborted behind the
   * store's back is still noticed (410).
   */
  protected override async retrieveParts(id: string, partNumberMarker?: string): Promise<Part[]> {
    if (this.listPartsWorks) {
      try {
        return await super.retrieveParts(id, partNumberMarker);
      } catch (error) {
        if (!isNotImplemented(error)) throw error;
        this.listPartsWorks = false;
      }
    }
    return mergeParts(await this.readPartRecord(id), this.unrecorded.get(id) ?? []);
  }

  protected override async uploadPart(
    metadata: MetadataValue,
    body: ReadStream | Readable | Buffer,
    partNumber: number,
  ): Promise<string> {
    const eTag = await super.uploadPart(metadata, body, partNumber);
    if (this.listPartsWorks) return eTag;
    // The store sends each part from a temporary file (a ReadStream), or an empty Buffer.
    const size = Buffer.isBuffer(body) ? body.length : ((body as ReadStream).bytesRead ?? 0);
    const key = metadata.file.id;
    const parts = this.unrecorded.get(key) ?? [];
    parts.push({ PartNumber: partNumber, ETag: eTag, Size: size });
    this.unrecorded.set(key, parts);
    return eTag;
  }

  private async readPartRecord(key: string): Promise<Part[]> {
    try {
      const { Body } = await this.client.getObject({ Bucket: this.bucket, Key: partsKey(key) });
      return JSON.parse((await Body?.transformToString()) ?? '[]') as Part[];
    } catch (error) {
      if (isMissing(error)) return [];
      throw error;
    }
  }

  private async recordParts(key: string): Promise<void> {
    const sent = this.unrecorded.get(key);
    if (!sent) return;
    this.unrecorded.delete(key);
    const parts = mergeParts(await this.readPartRecord(key), sent);
    await this.client.putObject({
      Bucket: this.bucket,
      Key: partsKey(key),
      Body: JSON.stringify(parts),
      ContentType: 'application/json',
    });
  }

  override async getUpload(id: string): Promise<Upload> {
    const key = this.objectKey(id);
    let metadata: MetadataValue;
    try {
      metadata = await this.getMetadata(key);
    } catch (error) {
      // Only a missing `.info` means "no such upload"; an unreachable store is an error (500),
      // which a client retries instead of starting over.
      if (isMissing(error)) throw ERRORS.FILE_NOT_FOUND;
      throw error;
    }
    let offset: number;
    try {
      const parts = await this.retrieveParts(key);
      const tail = await this.getIncompletePartSize(key);
      offset = parts.reduce((sum, part) => sum + (part.Size ?? 0), 0) + (tail ?? 0);
    } catch (error) {
      if (!isMissing(error)) throw error;
      // The multipart upload is gone: completed (its object exists) or aborted.
      if (!(await this.objectExists(key))) throw ERRORS.FILE_NO_LONGER_EXISTS;
      offset = metadata.file.size ?? 0;
    }
    return new Upload({ ...metadata.file, id, offset });
  }

  override declareUploadLength(id: string, length: number): Promise<void> {
    return super.declareUploadLength(this.objectKey(id), length);
  }

  /** The finished upload's bytes. */
  override async read(id: string): Promise<Readable> {
    const key = this.objectKey(id);
    // A zero-length upload is finished at creation, without a multipart upload to complete.
    if ((await this.getMetadata(key)).file.size === 0) return Readable.from([]);
    return super.read(key);
  }

  /** Removes an upload, finished or not: its multipart upload, object, tail and `.info`. */
  override async remove(id: string): Promise<void> {
    const key = this.objectKey(id);
    let uploadId: string;
    try {
      uploadId = (await this.getMetadata(key))['upload-id'];
    } catch (error) {
      if (isMissing(error)) throw ERRORS.FILE_NOT_FOUND;
      throw error;
    }
    await this.abortMultipartUpload(key, uploadId);
    await Promise.all([
      this.deleteObject(key),
      this.deleteObject(this.partKey(key, true)),
      this.deleteObject(partsKey(key)),
    ]);
    // Last: while `.info` exists the upload exists, so a failure above can be retried.
    await this.deleteObject(this.infoKey(key));
  }

  /**
   * Deletes what uploads older than the expiry left under `<prefix>/.tus/`, judged by the
   * objects' age in the store: an upload's objects are all written after its creation, so none
   * of a live upload's is that old. Returns the number of uploads (`.info` objects) removed.
   * Multipart uploads whose `.info` was never written (a crash at creation) are not listed
   * here: the bucket's lifecycle rule for incomplete multipart uploads takes them.
   */
  override async deleteExpired(): Promise<number> {
    const expiry = this.getExpiration();
    if (expiry === 0) return 0;
    const cutoff = Date.now() - expiry;
    let removed = 0;
    let ContinuationToken: string | undefined;
    do {
      const page = await this.client.listObjectsV2({
        Bucket: this.bucket,
        Prefix: this.root,
        ContinuationToken,
      });
      for (const { Key, LastModified } of page.Contents ?? []) {
        if (!Key || !LastModified || LastModified.getTime() > cutoff) continue;
        if (Key.endsWith('.info')) {
          const uploadKey = Key.slice(0, -'.info'.length);
          const head = await this.client
            .headObject({ Bucket: this.bucket, Key })
            .catch((error: unknown) => (isMissing(error) ? undefined : Promise.reject(error)));
          const uploadId = head?.Metadata?.['upload-id'];
          if (uploadId) await this.abortMultipartUpload(uploadKey, uploadId);
          removed++;
        }
        await this.deleteObject(Key);
      }
      ContinuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (ContinuationToken);
    return removed;
  }

  /** Releases the client's connections. */
  destroy(): void {
    this.client.destroy();
  }

  private objectKey(id: string): string {
    if (!UPLOAD_ID.test(id)) throw ERRORS.FILE_NOT_FOUND;
    return `${this.root}${id}`;
  }

  private async objectExists(key: string): Promise<boolean> {
    try {
      await this.client.headObject({ Bucket: this.bucket, Key: key });
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  private async abortMultipartUpload(key: string, uploadId: string): Promise<void> {
    try {
      await this.client.abortMultipartUpload({ Bucket: this.bucket, Key: key, UploadId: uploadId });
    } catch (error) {
      // Already completed or aborted.
      if (!isMissing(error)) throw error;
    }
  }

  private async deleteObject(key: string): Promise<void> {
    // S3 answers a delete of a missing key with success.
    await this.client.deleteObject({ Bucket: this.bucket, Key: key });
  }
}

/** No cache: `.info` can change in another process. */
class NoCache implements KvStore<MetadataValue> {
  async get(): Promise<undefined> {
    return undefined;
  }
  async set(): Promise<void> {}
  async delete(): Promise<void> {}
}

/** Where an upload's parts are recorded. See: [Note: Parts without ListParts]. */
const partsKey = (key: string) => `${key}.parts`;

/** The parts of both lists by number, the second's where both have one. */
function mergeParts(recorded: Part[], sent: Part[]): Part[] {
  const byNumber = new Map<number, Part>();
  for (const part of [...recorded, ...sent]) byNumber.set(part.PartNumber ?? 0, part);
  return [...byNumber.values()].sort((a, b) => (a.PartNumber ?? 0) - (b.PartNumber ?? 0));
}

/** The store does not implement the operation: 405 MethodNotAllowed or 501 NotImplemented. */
function isNotImplemented(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = $metadata?.httpStatusCode;
  return (
    name === 'MethodNotAllowed' || name === 'NotImplemented' || status === 405 || status === 501
  );
}

/** NoSuchKey, NoSuchUpload, or a bare 404 (a HEAD's answer has no body to name the error). */
function isMissing(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  if (name === 'NoSuchBucket') return false;
  return name === 'NoSuchKey' || name === 'NoSuchUpload' || $metadata?.httpStatusCode === 404;
}
