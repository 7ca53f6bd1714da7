import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadServerSecret } from '../../src/adapters/secrets/server-secret.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { LinkKeySealer } from '../../src/core/shared-links/link-key-sealer.js';

// See: [Note: Shared link keys can be copied again].
describe('shared link keys, sealed with the server secret', () => {
  const key = randomBytes(32).toString('base64url');

  const sealerWith = (secret: Buffer) => new LinkKeySealer(() => Promise.resolve(secret));

  it('opens what it sealed, only for the same link and the same secret', async () => {
    const sealer = sealerWith(randomBytes(32));
    const sealed = await sealer.seal('link-1', key);
    assert.ok(!sealed.includes(key));
    assert.equal(await sealer.open('link-1', sealed), key);
    assert.notEqual(await sealer.seal('link-1', key), sealed, 'a fresh nonce each time');
    assert.equal(await sealer.open('link-2', sealed), undefined);
    assert.equal(await sealerWith(randomBytes(32)).open('link-1', sealed), undefined);
    const [version, iv, data, tag] = sealed.split('.') as [string, string, string, string];
    const flipped = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    assert.equal(
      await sealer.open('link-1', [version, iv, data, flipped(tag)].join('.')),
      undefined,
    );
    assert.equal(
      await sealer.open('link-1', [version, iv, flipped(data), tag].join('.')),
      undefined,
    );
    const shortTag = Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url');
    assert.equal(await sealer.open('link-1', [version, iv, data, shortTag].join('.')), undefined);
    assert.equal(await sealer.open('link-1', 'garbage'), undefined);
  });

  it('loads its secret once, on first use, and only then', async () => {
    let loads = 0;
    const sealer = new LinkKeySealer(async () => {
      loads += 1;
      return randomBytes(32);
    });
    assert.equal(loads, 0);
    const sealed = await Promise.all([sealer.seal('a', key), sealer.seal('b', key)]);
    assert.equal(await sealer.open('a', sealed[0]), key);
    assert.equal(loads, 1);
    await assert.rejects(sealerWith(randomBytes(16)).seal('a', key), /32 bytes/);
  });

  it('keeps a secret file of its own, made once with mode 600, or derives one from KEEPSAKE_SECRET', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keepsake-secret-'));
    try {
      const path = join(dir, 'secrets', 'link-key.bin');
      const [first, second] = await Promise.all([
        loadServerSecret(null, path),
        loadServerSecret(null, path),
      ]);
      assert.equal(first.length, 32);
      assert.deepEqual(second, first, 'two processes starting at once agree on one secret');
      assert.deepEqual(await loadServerSecret(null, path), first);
      assert.equal((await stat(path)).mode & 0o777, 0o600);

      const configured = 'a-secret-of-at-least-32-characters-0123';
      const derived = await loadServerSecret(configured, path);
      assert.equal(derived.length, 32);
      assert.deepEqual(await loadServerSecret(configured, join(dir, 'elsewhere')), derived);
      assert.notDeepEqual(derived, first);

      await writeFile(path, 'short');
      await assert.rejects(loadServerSecret(null, path), /must hold 32 bytes/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('takes KEEPSAKE_SECRET only when it is long enough, and never repeats it', () => {
    assert.equal(loadConfig({}).secret, null);
    const secret = 'x'.repeat(32);
    assert.equal(loadConfig({ KEEPSAKE_SECRET: ` ${secret} ` }).secret, secret);
    assert.throws(
      () => loadConfig({ KEEPSAKE_SECRET: 'too-short-secret' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        error.variable === 'KEEPSAKE_SECRET' &&
        !error.message.includes('too-short-secret'),
    );
  });
});
