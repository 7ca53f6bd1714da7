import { mkdtemp, readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { S3BlobStore, type S3BlobStoreOptions } from '../../src/adapters/blobs/s3-blob-store.js';

export interface S3TestServer {
  endpoint: string;
  bucket: string;
  /** The writes and listings the server received, in order (`UploadPart`, `ListObjectsV2`...). */
  operations: string[];
  /** Ids of multipart uploads started and neither completed nor aborted. */
  pendingMultipartUploads(): Promise<string[]>;
  /** Lets the test process exit while the server still runs (a server shared by a whole file). */
  unref(): void;
  close(): Promise<void>;
}

export interface S3TestServerOptions {
  /**
   * ListParts as stock s3rver 3.7 answers it: 405 MethodNotAllowed (as some S3-compatible stores
   * do), instead of the gap-fill below.
   */
  stockListParts?: boolean;
}

// s3rver's one account. It checks a request's access key id and expiry, not its SigV4 signature.
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * A real S3 API (s3rver, files in a temporary folder) on a free port of 127.0.0.1, with one bucket.
 * What s3rver 3.7 lacks that the adapters use is added on its own storage (see `fillS3rverGaps`),
 * so the multipart copy, the abort of a failed upload, paged listings and the tus store's
 * ListParts run against it too.
 */
export async function startS3Server(
  bucket = 'keepsake-test',
  /** Virtual-hosted requests to `<bucket>.s3.<serviceEndpoint>` address the bucket by host name. */
  serviceEndpoint = 'amazonaws.com',
  options: S3TestServerOptions = {},
): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'keepsake-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    serviceEndpoint,
    configureBuckets: [{ name: bucket }],
  });
  const operations: string[] = [];
  // Koa composes its middleware when the server starts listening, so these still run first.
  server.middleware.unshift(
    recordOperation(operations),
    fillS3rverGaps(server.store, { listParts: !options.stockListParts }),
  );
  keepEmptyFolders(server.store);
  const { port } = await server.run();
  const uploadsDir = join(directory, bucket, '._S3rver_uploads');
  return {
    endpoint: `http://127.0.0.1:${port}`,
    bucket,
    operations,
    pendingMultipartUploads: () => readdir(uploadsDir).catch(() => []),
    unref: () => (server as unknown as { httpServer?: { unref(): void } }).httpServer?.unref(),
    close: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** An S3BlobStore on the test server under `prefix`, with s3rver's addressing and credentials. */
export function s3StoreFor(
  server: S3TestServer,
  prefix: string,
  options: Omit<S3BlobStoreOptions, 'client' | 'forcePathStyle'> = {},
): S3BlobStore {
  return new S3BlobStore(`s3://${server.bucket}/${prefix}`, {
    ...options,
    forcePathStyle: true,
    client: { endpoint: server.endpoint, region: 'us-east-1', credentials: S3RVER_CREDENTIALS },
  });
}

// --- s3rver, typed as far as this file uses it (the package ships no types) ---

interface S3rverContext {
  /** The request body as s3rver's controllers read it (koa's `ctx.req`). */
  req: Readable;
  method: string;
  path: string;
  query: Record<string, string | undefined>;
  headers: IncomingHttpHeaders;
  status: number;
  type: string;
  body: unknown;
}
type Middleware = (ctx: S3rverContext, next: () => Promise<void>) => Promise<void>;
interface S3rverStore {
  getObject(
    bucket: string,
    key: string,
    range: { start: number; end: number },
  ): Promise<{ content: Readable | null; size: number } | null>;
  putPart(
    bucket: string,
    uploadId: string,
    part: number,
    content: Readable,
  ): Promise<{ md5: string }>;
  listObjects(
    bucket: string,
    options: { prefix: string; maxKeys: number; startAfter: string | undefined },
  ): Promise<{
    objects: { key: string; size: number; lastModifiedDate: Date }[];
    isTruncated: boolean;
  }>;
  getResourcePath(bucket: string, key: undefined, resource: 'uploads'): string;
  getResourcePath(bucket: string, key: string, resource: string): string;
  deleteObject(bucket: string, key: string): Promise<void>;
}
interface S3rverServer {
  middleware: Middleware[];
  store: S3rverStore;
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
}
const S3rver = createRequire(import.meta.url)('s3rver') as new (options: object) => S3rverServer;

function recordOperation(operations: string[]): Middleware {
  return async (ctx, next) => {
    const operation = operationOf(ctx);
    if (operation) operations.push(operation);
    await next();
  };
}

function operationOf({ method, query, headers }: S3rverContext): string | undefined {
  const copy = 'x-amz-copy-source' in headers;
  if (method === 'POST' && 'uploads' in query) return 'CreateMultipartUpload';
  if (method === 'POST' && 'uploadId' in query) return 'CompleteMultipartUpload';
  if (method === 'PUT' && 'uploadId' in query) return copy ? 'UploadPartCopy' : 'UploadPart';
  if (method === 'DELETE' && 'uploadId' in query) return 'AbortMultipartUpload';
  if (method === 'PUT') return copy ? 'CopyObject' : 'PutObject';
  if (method === 'GET' && query['list-type'] === '2') return 'ListObjectsV2';
  if (method === 'GET' && 'uploadId' in query) return 'ListParts';
  if (method === 'DELETE') return 'DeleteObject';
  return undefined;
}

/**
 * What s3rver 3.7 lacks, done the way S3 documents it, on s3rver's own storage: UploadPartCopy,
 * AbortMultipartUpload, ListParts (which s3rver answers with 405 MethodNotAllowed; AWS, MinIO,
 * Ceph and R2 implement it, and resumable uploads on S3 read their offset with it), and
 * ListObjectsV2 pages (s3rver's continuation tokens use DES, which the OpenSSL 3 in Node 17+
 * refuses). Path-style requests only; their signatures are not checked. Bodies sent with
 * `Content-Encoding: aws-chunked` (what the AWS SDK sends by default since 2025 for a streamed
 * body: chunks, then a trailing checksum) are decoded first, as S3 does; s3rver would store the
 * chunk framing as if it were content.
 */
function fillS3rverGaps(store: S3rverStore, fill: { listParts: boolean }): Middleware {
  return async (ctx, next) => {
    if (ctx.method === 'PUT' && 'x-amz-decoded-content-length' in ctx.headers)
      decodeAwsChunked(ctx);
    const [bucket = '', ...key] = ctx.path.slice(1).split('/');
    const { uploadId } = ctx.query;
    const paged = 'max-keys' in ctx.query || 'continuation-token' in ctx.query;
    if (ctx.method === 'GET' && key.join('') === '' && ctx.query['list-type'] === '2' && paged) {
      return listPage(store, bucket, ctx);
    }
    if (fill.listParts && ctx.method === 'GET' && uploadId && key.length > 0) {
      return listParts(store, bucket, key.map(decodeURIComponent).join('/'), uploadId, ctx);
    }
    if (ctx.method === 'PUT' && uploadId && 'x-amz-copy-source' in ctx.headers) {
      return uploadPartCopy(store, bucket, uploadId, ctx);
    }
    if (ctx.method === 'DELETE' && uploadId) {
      const uploadDir = join(store.getResourcePath(bucket, undefined, 'uploads'), uploadId);
      await rm(uploadDir, { recursive: true, force: true });
      ctx.status = 204;
      return;
    }
    return next();
  };
}

async function uploadPartCopy(
  store: S3rverStore,
  bucket: string,
  uploadId: string,
  ctx: S3rverContext,
): Promise<void> {
  const [sourceBucket = '', ...sourceKey] = decodeURIComponent(
    String(ctx.headers['x-amz-copy-source']),
  )
    .replace(/^\//, '')
    .split('/');
  const [, start = '0', end = String(Number.MAX_SAFE_INTEGER)] =
    /^bytes=(\d+)-(\d+)$/.exec(String(ctx.headers['x-amz-copy-source-range'])) ?? [];
  const range = { start: Number(start), end: Number(end) };
  const source = await store.getObject(sourceBucket, sourceKey.join('/'), range);
  if (!source?.content || range.end >= source.size) {
    source?.content?.destroy();
    ctx.status = source ? 416 : 404;
    return;
  }
  const partNumber = Number(ctx.query.partNumber);
  const { md5 } = await store.putPart(bucket, uploadId, partNumber, source.content);
  ctx.type = 'application/xml';
  ctx.body = xml(
    `<CopyPartResult><ETag>"${md5}"</ETag>` +
      `<LastModified>${new Date().toISOString()}</LastModified></CopyPartResult>`,
  );
}

/**
 * ListParts from s3rver's upload folder (`<uploadId>/key`, and `<n>` with `<n>.md5` per part),
 * one page of `max-parts` (1000) after `part-number-marker`, as S3 answers it. A completed or
 * aborted upload has no folder any more: 404 NoSuchUpload, as on S3.
 */
async function listParts(
  store: S3rverStore,
  bucket: string,
  key: string,
  uploadId: string,
  ctx: S3rverContext,
): Promise<void> {
  const uploadDir = join(store.getResourcePath(bucket, undefined, 'uploads'), uploadId);
  const uploadKey = await readFile(join(uploadDir, 'key'), 'utf8').catch(() => undefined);
  if (uploadKey !== key || !/^[0-9a-f]+$/.test(uploadId)) {
    ctx.status = 404;
    ctx.type = 'application/xml';
    ctx.body = xml(
      '<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message>' +
        `<UploadId>${escapeXml(uploadId)}</UploadId></Error>`,
    );
    return;
  }
  const marker = Number(ctx.query['part-number-marker'] ?? 0);
  const maxParts = Math.min(Number(ctx.query['max-parts'] ?? 1000), 1000);
  const numbers = (await readdir(uploadDir))
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((number) => number > marker)
    .sort((a, b) => a - b);
  const page = numbers.slice(0, maxParts);
  const parts = await Promise.all(
    page.map(async (number) => {
      const path = join(uploadDir, String(number));
      const [{ size, mtime }, md5] = await Promise.all([
        stat(path),
        readFile(`${path}.md5`, 'utf8'),
      ]);
      return (
        `<Part><PartNumber>${number}</PartNumber><LastModified>${mtime.toISOString()}</LastModified>` +
        `<ETag>"${md5}"</ETag><Size>${size}</Size></Part>`
      );
    }),
  );
  const truncated = numbers.length > page.length;
  ctx.type = 'application/xml';
  ctx.body = xml(
    `<ListPartsResult><Bucket>${bucket}</Bucket><Key>${escapeXml(key)}</Key>` +
      `<UploadId>${uploadId}</UploadId><PartNumberMarker>${marker}</PartNumberMarker>` +
      `<NextPartNumberMarker>${page.at(-1) ?? marker}</NextPartNumberMarker>` +
      `<MaxParts>${maxParts}</MaxParts><IsTruncated>${truncated}</IsTruncated>` +
      `<StorageClass>STANDARD</StorageClass>${parts.join('')}</ListPartsResult>`,
  );
}

async function listPage(store: S3rverStore, bucket: string, ctx: S3rverContext): Promise<void> {
  const token = ctx.query['continuation-token'];
  const maxKeys = Math.min(Number(ctx.query['max-keys'] ?? 1000), 1000);
  const prefix = ctx.query.prefix ?? '';
  const page = await store.listObjects(bucket, {
    prefix,
    maxKeys,
    startAfter: token ? Buffer.from(token, 'base64url').toString() : ctx.query['start-after'],
  });
  const last = page.objects.at(-1)?.key;
  const next = page.isTruncated && last ? Buffer.from(last).toString('base64url') : undefined;
  ctx.type = 'application/xml';
  ctx.body = xml(
    `<ListBucketResult><Name>${bucket}</Name><Prefix>${escapeXml(prefix)}</Prefix>` +
      `<MaxKeys>${maxKeys}</MaxKeys><KeyCount>${page.objects.length}</KeyCount>` +
      `<IsTruncated>${page.isTruncated}</IsTruncated>` +
      (token ? `<ContinuationToken>${token}</ContinuationToken>` : '') +
      (next ? `<NextContinuationToken>${next}</NextContinuationToken>` : '') +
      page.objects
        .map(
          (object) =>
            `<Contents><Key>${escapeXml(object.key)}</Key>` +
            `<LastModified>${object.lastModifiedDate.toISOString()}</LastModified>` +
            `<Size>${object.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`,
        )
        .join('') +
      '</ListBucketResult>',
  );
}

/**
 * Replaces an `aws-chunked` body by its content: `<hex size>[;chunk-signature=...]\r\n<bytes>\r\n`
 * chunks, a zero-size one, then trailers (the checksum, not verified here) and an empty line.
 * The headers then describe the content, as S3 stores them: its length, no aws-chunked encoding.
 */
function decodeAwsChunked(ctx: S3rverContext): void {
  const { headers } = ctx;
  headers['content-length'] = String(headers['x-amz-decoded-content-length']);
  const encodings = String(headers['content-encoding'] ?? '')
    .split(',')
    .map((encoding) => encoding.trim())
    .filter((encoding) => encoding && encoding !== 'aws-chunked');
  if (encodings.length) headers['content-encoding'] = encodings.join(',');
  else delete headers['content-encoding'];
  const body = ctx.req;
  const decoder = new AwsChunkedDecoder();
  body.on('error', (error) => decoder.destroy(error));
  ctx.req = body.pipe(decoder);
}

class AwsChunkedDecoder extends Transform {
  private pending = Buffer.alloc(0);
  private state: 'size' | 'data' | 'crlf' | 'trailers' = 'size';
  /** Content bytes left in the current chunk. */
  private remaining = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (this.state === 'trailers') return callback(); // the checksum: not verified here
    this.pending = Buffer.concat([this.pending, chunk]);
    try {
      this.drain();
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    callback(this.state === 'trailers' ? null : new Error('aws-chunked body ended early'));
  }

  private drain(): void {
    for (;;) {
      if (this.state === 'size') {
        const end = this.pending.indexOf('\r\n');
        if (end < 0) return;
        const line = this.pending.subarray(0, end).toString().split(';')[0] ?? '';
        if (!/^[0-9a-f]+$/i.test(line)) throw new Error(`malformed aws-chunked size "${line}"`);
        this.pending = this.pending.subarray(end + 2);
        this.remaining = Number.parseInt(line, 16);
        this.state = this.remaining === 0 ? 'trailers' : 'data';
      } else if (this.state === 'data') {
        if (this.pending.length === 0) return;
        const data = this.pending.subarray(0, this.remaining);
        this.pending = this.pending.subarray(data.length);
        this.remaining -= data.length;
        this.push(data);
        if (this.remaining === 0) this.state = 'crlf';
      } else if (this.state === 'crlf') {
        if (this.pending.length < 2) return;
        this.pending = this.pending.subarray(2);
        this.state = 'size';
      } else {
        return;
      }
    }
  }
}

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>${body}`;

const escapeXml = (value: string) =>
  value.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);

/**
 * s3rver deletes an object's folder once it is empty, and a write into that folder at the same
 * moment (after its mkdir, before its open) then fails with ENOENT and crashes the server: with
 * many uploads staged under one prefix and deleted after commit, that happens. S3 has no folders,
 * so deletes here leave them be.
 */
function keepEmptyFolders(store: S3rverStore): void {
  store.deleteObject = async (bucket: string, key: string) => {
    await Promise.all(
      ['object', 'object.md5', 'metadata.json'].map((kind) =>
        unlink(store.getResourcePath(bucket, key, kind)).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        }),
      ),
    );
  };
}

/**
 * The keys of the objects under `prefix` in the test server's bucket (one page), read through an
 * S3 client set up by the AWS_* environment the test has pointed at the server.
 */
export async function objectKeysUnder(
  server: S3TestServer,
  prefix: string,
): Promise<(string | undefined)[]> {
  const { S3Client, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const client = new S3Client({ forcePathStyle: true });
  try {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: server.bucket, Prefix: prefix }),
    );
    return (page.Contents ?? []).map((object) => object.Key);
  } finally {
    client.destroy();
  }
}
