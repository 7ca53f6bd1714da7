import { mkdtemp, readdir, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
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

// s3rver's one account. It checks a request's access key id and expiry, not its SigV4 signature.
export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * A real S3 API (s3rver, files in a temporary folder) on a free port of 127.0.0.1, with one bucket.
 * What s3rver 3.7 lacks that the adapter uses is added on its own storage (see `fillS3rverGaps`),
 * so the multipart copy, the abort of a failed upload and paged listings run against it too.
 */
export async function startS3Server(bucket = 'keepsake-test'): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'keepsake-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket }],
  });
  const operations: string[] = [];
  // Koa composes its middleware when the server starts listening, so these still run first.
  server.middleware.unshift(recordOperation(operations), fillS3rverGaps(server.store));
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
  if (method === 'DELETE') return 'DeleteObject';
  return undefined;
}

/**
 * What s3rver 3.7 lacks, done the way S3 documents it, on s3rver's own storage: UploadPartCopy,
 * AbortMultipartUpload, and ListObjectsV2 pages (s3rver's continuation tokens use DES, which the
 * OpenSSL 3 in Node 17+ refuses). Path-style requests only; their signatures are not checked.
 */
function fillS3rverGaps(store: S3rverStore): Middleware {
  return async (ctx, next) => {
    const [bucket = '', ...key] = ctx.path.slice(1).split('/');
    const { uploadId } = ctx.query;
    const paged = 'max-keys' in ctx.query || 'continuation-token' in ctx.query;
    if (ctx.method === 'GET' && key.join('') === '' && ctx.query['list-type'] === '2' && paged) {
      return listPage(store, bucket, ctx);
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

const xml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>${body}`;

const escapeXml = (value: string) =>
  value.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
