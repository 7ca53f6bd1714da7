export interface S3Location {
  bucket: string;
  /** Folder inside the bucket, without leading or trailing slash; '' for the bucket's root. */
  prefix: string;
}

// Lowercase DNS-style names, as S3 has required for new buckets since 2018; an uppercase or
// underscore name would work path-style only and fail as soon as virtual-hosted style is used.
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const S3_URL = /^s3:\/\/([^/?#]*)(\/[^?#]*)?$/i; // schemes are case-insensitive (RFC 3986)

/**
 * Splits a storage URL into bucket and prefix.
 *
 * @example
 *   parseS3Url('s3://photos/keepsake/prod'); // { bucket: 'photos', prefix: 'keepsake/prod' }
 */
export function parseS3Url(url: string): S3Location {
  const match = S3_URL.exec(url);
  if (!match) {
    throw new Error(
      `Invalid S3 storage URL "${url}": expected s3://bucket or s3://bucket/prefix (no query or fragment)`,
    );
  }
  const bucket = match[1] ?? '';
  if (!BUCKET_NAME.test(bucket)) {
    throw new Error(
      `Invalid S3 storage URL "${url}": bucket "${bucket}" must be 3-63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit`,
    );
  }
  const prefix = (match[2] ?? '').replace(/^\//, '').replace(/\/$/, '');
  if (prefix && prefix.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new Error(
      `Invalid S3 storage URL "${url}": the prefix must not contain empty, "." or ".." segments`,
    );
  }
  return { bucket, prefix };
}
