import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// `keepsake-s3-<pid>-XXXXXX`: the pid tells whether the process that made it still runs.
const PREFIX = 'keepsake-s3-';

/** A folder of the system's temporary directory for one local copy of an object. */
export const makeLocalCopyDir = (): Promise<string> =>
  mkdtemp(join(tmpdir(), `${PREFIX}${process.pid}-`));

/**
 * Removes the local copies left by processes that died holding them (SIGKILL, a power cut): a
 * worker's disk would otherwise fill up, a copy of an original per crash. Folders of live
 * processes, this one's included, are left alone; so is a folder whose pid now belongs to another
 * process (it is removed once that one ends).
 */
export async function removeOrphanedLocalCopies(): Promise<number> {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const pid = Number(new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1]);
    if (!pid || isAlive(pid)) continue;
    await rm(join(tmpdir(), name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}
