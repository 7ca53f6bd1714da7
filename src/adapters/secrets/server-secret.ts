import { hkdfSync, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The 32-byte secret that seals shared link keys (see [Note: Shared link keys can be copied
 * again]): derived from KEEPSAKE_SECRET when set (every process of a scale-out installation must
 * share it), else read from `path`, which the first use creates with mode 600.
 */
export async function loadServerSecret(configured: string | null, path: string): Promise<Buffer> {
  if (configured !== null)
    return Buffer.from(hkdfSync('sha256', configured, '', 'keepsake shared link keys', 32));
  try {
    return await readSecretFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // Written whole under another name, then linked into place: a process starting beside this
  // one either finds no file or the complete one, and only one secret ever wins.
  const draft = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  await writeFile(draft, randomBytes(32), { mode: 0o600, flush: true });
  try {
    await link(draft, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await rm(draft, { force: true });
  }
  return readSecretFile(path);
}

async function readSecretFile(path: string): Promise<Buffer> {
  const secret = await readFile(path);
  if (secret.length !== 32)
    throw new Error(
      `${path} must hold 32 bytes (it has ${secret.length}); it seals shared link keys: ` +
        `restore it from a backup, or delete it to make a new one (links made so far then ` +
        `cannot be copied again)`,
    );
  return secret;
}
