/**
 * Whether an SDK error means "no such key": NoSuchKey from a GET, or a bare 404 from a HEAD (which
 * has no body to name the error). A missing bucket is a configuration error, never "no such blob".
 */
export function isNotFound(error: unknown): boolean {
  const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return name === 'NoSuchKey' || ($metadata?.httpStatusCode === 404 && name !== 'NoSuchBucket');
}

// What an operator should check, for the answers a misconfigured bucket check typically gets.
const BUCKET_CHECK_HINTS: Record<number, string> = {
  301: 'the bucket is in another region (set AWS_REGION)',
  400: 'the request was refused (check AWS_REGION and path-style addressing)',
  403: 'access denied (check the credentials and the bucket policy)',
  404: 'no such bucket',
};

/** Why a HeadBucket failed, in words an operator can act on. */
export function describeBucketCheckError(error: unknown): string {
  const { name, message, $metadata } = error as {
    name?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = $metadata?.httpStatusCode;
  if (status === undefined) return `${name ?? 'Error'}: ${message ?? 'no message'}`;
  // HEAD answers have no body, so the SDK's message is often just "UnknownError".
  const detail = message && message !== 'UnknownError' ? `: ${name} ${message}` : '';
  return `${BUCKET_CHECK_HINTS[status] ?? name ?? 'error'} (HTTP ${status})${detail}`;
}
