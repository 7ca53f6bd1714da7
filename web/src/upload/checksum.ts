/**
 * Files up to this size are hashed in the browser so duplicates are skipped before upload.
 * crypto.subtle has no streaming digest, so a file is read whole; above this (long videos) the
 * memory is not worth it on a phone, and the server dedupes on arrival anyway.
 */
export const HASH_LIMIT_BYTES = 100 * 1024 * 1024;

/**
 * The file's SHA-256 (hex, as the server stores it), or undefined when it is not worth hashing
 * or cannot be: crypto.subtle exists only in secure contexts (https, localhost), and a home
 * server is often reached over plain http on the LAN.
 */
export async function fetchChecksum(file: File): Promise<string | undefined> {
  if (file.size > HASH_LIMIT_BYTES || !globalThis.crypto?.subtle) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
