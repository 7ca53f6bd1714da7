import { mkdir } from 'node:fs/promises';
import { dirname, relative, sep } from 'node:path';
import { fsync } from './fsync.js';

/**
 * Creates `folder` and any missing parents, and makes their entries durable: a new folder's
 * name lives in its parent, which a later fsync of the new folder alone does not flush, so
 * after a power cut the file renamed into it could be gone with its folder (POSIX requires the
 * parent's fsync; ext4 and XFS happen to commit it with the child's, other file systems may not).
 * Costs nothing when the folder exists.
 */
export async function mkdirDurably(folder: string): Promise<void> {
  const first = await mkdir(folder, { recursive: true });
  if (first === undefined) return;
  // Each new folder's parent, from the one that held nothing new down to the last one created.
  const created = relative(dirname(first), folder).split(sep);
  let parent = dirname(first);
  for (const name of created) {
    await fsync(parent);
    parent = `${parent}${sep}${name}`;
  }
}
