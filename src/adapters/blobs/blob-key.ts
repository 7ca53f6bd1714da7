/**
 * Throws unless `key` is a relative, slash-separated name that cannot climb out of the store
 * (`..`, a leading `/`, empty segments) or need escaping in a path or a URL. Every store checks
 * keys with it, so a key valid on one store is valid on every store.
 */
export function assertBlobKey(key: string): void {
  if (
    !/^[A-Za-z0-9][A-Za-z0-9._/-]*$/.test(key) ||
    key.split('/').some((part) => part === '..' || part === '')
  ) {
    throw new Error(`Invalid blob key: ${key}`);
  }
}
