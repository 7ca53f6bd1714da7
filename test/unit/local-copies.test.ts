import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  makeLocalCopyDir,
  removeOrphanedLocalCopies,
} from '../../src/adapters/blobs/local-copies.js';

describe('local copies of objects (S3 store)', () => {
  const savedTmpdir = process.env.TMPDIR;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keepsake-local-copies-'));
    process.env.TMPDIR = dir; // os.tmpdir() reads it on every call
  });
  after(async () => {
    if (savedTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmpdir;
    await rm(dir, { recursive: true, force: true });
  });

  it('removes the copies of processes that died, and only those', async () => {
    const deadPid = spawnSync(process.execPath, ['-e', '0']).pid!;
    const orphan = join(dir, `keepsake-s3-${deadPid}-abc123`);
    await mkdir(orphan);
    await writeFile(join(orphan, 'IMG_0001.JPG'), 'left by a SIGKILL');
    const mine = await makeLocalCopyDir();
    const unrelated = join(dir, 'keepsake-s3-not-a-pid');
    await mkdir(unrelated);

    assert.equal(await removeOrphanedLocalCopies(), 1);
    assert.deepEqual(
      (await readdir(dir)).sort(),
      [mine.slice(dir.length + 1), 'keepsake-s3-not-a-pid'].sort(),
    );
  });
});
