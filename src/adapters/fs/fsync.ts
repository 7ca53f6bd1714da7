import { open } from 'node:fs/promises';

/**
 * Flushes a file's data, or a folder's entries (after a rename into it), to stable storage.
 * fsync applies to the file whichever descriptor asks, so a fresh read-only one will do.
 */
export async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
