import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/adapters/db/open-database.js';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

interface ListedLink {
  id: string;
  url: string | null;
  revokedAt: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// See: [Note: Shared link keys can be copied again].
describe('shared links can be copied again by their owner', () => {
  let t: TestApp;
  let alice: Session;
  let bob: Session;
  let photoId: string;

  const call = (
    session: Session | undefined,
    method: 'GET' | 'POST' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: session?.headers, payload });
  const listed = async (session: Session) => {
    const res = await call(session, 'GET', '/api/shared-links');
    assert.equal(res.statusCode, 200, res.body);
    return res.json<ListedLink[]>();
  };
  const makeLink = async () => {
    const res = await call(alice, 'POST', '/api/shared-links', { assetIds: [photoId] });
    assert.equal(res.statusCode, 201, res.body);
    return res.json<{ id: string; key: string; url: string }>();
  };
  /** What a guest holding the page's address sees. */
  const guestStatus = async (url: string) =>
    (await call(undefined, 'GET', `/api/shared-links/${url.replace('/s/', '')}/assets`)).statusCode;
  const sharedLinkRow = async (id: string) => {
    const connection = await openDatabase(t.keepsake.config.databaseUrl);
    try {
      return await connection.db
        .selectFrom('shared_links')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    } finally {
      await connection.close();
    }
  };

  before(async () => {
    t = await startTestApp();
    alice = await setupAdmin(t.app);
    bob = await createUser(t.app, alice, 'Bob');
    const res = await uploadFile(t.app, alice, corpusPath('jpeg-exif/IMG_0308.JPG'));
    photoId = res.json<{ id: string }>().id;
    await waitForAsset(t.app, alice, photoId);
  });
  after(async () => {
    await t.close();
  });

  it('lists the link with its page, which opens it, to its owner only', async () => {
    const made = await makeLink();
    const mine = (await listed(alice)).find((l) => l.id === made.id);
    assert.equal(mine?.url, made.url);
    assert.equal(mine.url, `/s/${made.key}`);
    assert.equal(await guestStatus(mine.url), 200);

    const bobs = await call(bob, 'GET', '/api/shared-links');
    assert.equal(bobs.statusCode, 200);
    assert.deepEqual(bobs.json(), []);
    assert.ok(!bobs.body.includes(made.key));
  });

  it('keeps only the hash and the sealed key in the database, under a secret kept outside it', async () => {
    const made = await makeLink();
    const row = await sharedLinkRow(made.id);
    assert.equal(row.key_hash, sha256(made.key));
    assert.ok(row.key_sealed, 'the sealed key is stored');
    for (const [column, value] of Object.entries(row))
      assert.ok(!String(value).includes(made.key), `${column} holds the key`);
    assert.ok(!row.key_sealed.includes(Buffer.from(made.key).toString('base64url').slice(0, 20)));

    // The default secret: a file of its own in the data folder, readable by the server only.
    const file = join(t.dataDir, 'secrets', 'link-key.bin');
    assert.equal((await stat(file)).mode & 0o777, 0o600);
    assert.equal((await readFile(file)).length, 32);
  });

  it('cannot show a key again without its secret, or once revoked; the link itself still works', async () => {
    const made = await makeLink();
    const old = await makeLink();
    // A link made before keys were kept.
    const connection = await openDatabase(t.keepsake.config.databaseUrl);
    try {
      await connection.db
        .updateTable('shared_links')
        .set({ key_sealed: null })
        .where('id', '=', old.id)
        .execute();
    } finally {
      await connection.close();
    }
    assert.equal((await listed(alice)).find((l) => l.id === old.id)?.url, null);
    assert.equal(await guestStatus(old.url), 200);

    // The same database under another secret: the sealed keys do not open.
    await t.stop();
    t = await startTestApp({
      dataDir: t.dataDir,
      env: { KEEPSAKE_SECRET: 'another-secret-that-is-long-enough-0123456789' },
    });
    const relisted = (await listed(alice)).find((l) => l.id === made.id);
    assert.equal(relisted?.url, null);
    assert.equal(await guestStatus(made.url), 200);

    const fresh = await makeLink();
    assert.equal((await listed(alice)).find((l) => l.id === fresh.id)?.url, fresh.url);
    const revoked = await call(alice, 'DELETE', `/api/shared-links/${fresh.id}`);
    assert.equal(revoked.statusCode, 204);
    const gone = (await listed(alice)).find((l) => l.id === fresh.id);
    assert.ok(gone?.revokedAt);
    assert.equal(gone.url, null);
  });
});
