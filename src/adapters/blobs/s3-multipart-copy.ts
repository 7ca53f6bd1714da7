import type { CompletedPart, S3Client } from '@aws-sdk/client-s3';

type S3Sdk = typeof import('@aws-sdk/client-s3');

// S3 allows at most 10,000 parts per upload.
const MAX_PARTS = 10_000;

export interface MultipartCopy {
  bucket: string;
  sourceKey: string;
  targetKey: string;
  /** Size of the source in bytes, known from staging, so no HeadObject is needed. */
  size: number;
  partSize: number;
  concurrency: number;
}

/**
 * Copies an object inside the bucket in byte ranges (UploadPartCopy). CopyObject refuses sources
 * over 5 GiB, which a long video easily is. The bytes stay on the server either way; the target
 * appears only when the upload completes, whole. A failed copy is aborted, because the parts of
 * an unfinished upload are kept (and billed) until someone aborts it.
 */
export async function copyInParts(
  sdk: S3Sdk,
  client: S3Client,
  copy: MultipartCopy,
): Promise<void> {
  const { bucket, targetKey: key } = copy;
  const { UploadId } = await client.send(
    new sdk.CreateMultipartUploadCommand({ Bucket: bucket, Key: key }),
  );
  if (!UploadId) throw new Error(`S3 started no multipart upload for ${key}`);
  try {
    const copySource = `${bucket}/${copy.sourceKey.split('/').map(encodeURIComponent).join('/')}`;
    const ranges = partRanges(copy.size, Math.max(copy.partSize, Math.ceil(copy.size / MAX_PARTS)));
    const parts = await mapConcurrently(ranges, copy.concurrency, async ({ start, end }, index) => {
      const PartNumber = index + 1;
      const { CopyPartResult } = await client.send(
        new sdk.UploadPartCopyCommand({
          Bucket: bucket,
          Key: key,
          UploadId,
          PartNumber,
          CopySource: copySource,
          CopySourceRange: `bytes=${start}-${end}`,
        }),
      );
      if (!CopyPartResult?.ETag) throw new Error(`S3 returned no ETag for part ${PartNumber}`);
      return { PartNumber, ETag: CopyPartResult.ETag } satisfies CompletedPart;
    });
    await client.send(
      new sdk.CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId,
        MultipartUpload: { Parts: parts },
      }),
    );
  } catch (error) {
    await client
      .send(new sdk.AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId }))
      .catch(() => undefined); // the copy's own error is the one worth reporting
    throw error;
  }
}

/** Inclusive byte ranges covering `size` bytes, `partSize` each except the last. */
export function partRanges(size: number, partSize: number): { start: number; end: number }[] {
  const ranges = [];
  for (let start = 0; start < size; start += partSize) {
    ranges.push({ start, end: Math.min(start + partSize, size) - 1 });
  }
  return ranges;
}

// Runs `work` on every item, at most `limit` at a time. After a failure no new item starts, and
// the call settles only when the ones already running have, so an abort comes after every part.
async function mapConcurrently<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const outcomes = await Promise.allSettled(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  );
  const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
  if (rejected) throw rejected.reason;
  return results;
}
