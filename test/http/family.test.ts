import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { originalKeyFor } from '../../src/core/assets/asset.js';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  login,
  setupAdmin,
  stagedLeftovers,
  startTestApp,
  storedKeys,
  uploadBytes,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

// Small dated camera photos.
const PHOTO_A = 'jpeg-exif/EPSN0002.JPG';
const PHOTO_B = 'jpeg-exif/IMG_0308.JPG';
const PHOTO_C = 'jpeg-exif/PA250004.JPG';
const DAY = 86_400_000;

interface AdminUser {
  id: string;
  name: string;
  isAdmin: boolean;
  quotaBytes: number | null;
  disabled: boolean;
  deleteAfter: string | null;
  storage: { usedBytes: number; assetCount: number };
}

describe('family: admin user management, quotas, partners', () => {
  let t: TestApp;
  let admin: Session;
  // Time moves on only when a test says so (deletion after the grace period).
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };

  before(async () => {
    t = await startTestApp({ clock });
    admin = await setupAdmin(t.app);
  });
  after(() => t.close());

  const call = (
    session: Session | undefined,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: session?.headers, payload });
  const users = async () => (await call(admin, 'GET', '/api/users')).json<AdminUser[]>();
  const userRow = async (id: string) => (await users()).find((u) => u.id === id);
  const upload = async (session: Session, file: string) => {
    const res = await uploadFile(t.app, session, corpusPath(file));
    assert.ok(res.statusCode === 201 || res.statusCode === 200, res.body);
    return res.json<{ id: string; status: string }>().id;
  };
  const assetCount = async (session: Session) =>
    (await call(session, 'GET', '/api/assets?limit=1000')).json<{ assets: unknown[] }>().assets
      .length;

  describe('admin', () => {
    it('edits a user (name, admin, quota) and lists storage used per user', async () => {
      const bob = await createUser(t.app, admin, 'Bob');
      const id = await upload(bob, PHOTO_A);
      const size = (await readFile(corpusPath(PHOTO_A))).length;
      const res = await call(admin, 'PATCH', `/api/users/${bob.userId}`, {
        name: 'Robert',
        isAdmin: true,
        quotaBytes: 5_000_000,
      });
      assert.equal(res.statusCode, 200, res.body);
      const row = await userRow(bob.userId);
      assert.equal(row?.name, 'Robert');
      assert.equal(row?.isAdmin, true);
      assert.equal(row?.quotaBytes, 5_000_000);
      assert.deepEqual(row?.storage, { usedBytes: size, assetCount: 1 });
      assert.ok(id);

      // Not an admin's business otherwise.
      const carol = await createUser(t.app, admin, 'Carol');
      assert.equal((await call(carol, 'GET', '/api/users')).statusCode, 403);
      assert.equal(
        (await call(carol, 'PATCH', `/api/users/${bob.userId}`, { isAdmin: false })).statusCode,
        403,
      );
    });

    it('never demotes, disables or deletes the last enabled admin (409)', async () => {
      // Bob was made admin above: demote him, then the admin is the last one.
      const bob = (await users()).find((u) => u.name === 'Robert')!;
      assert.equal(
        (await call(admin, 'PATCH', `/api/users/${bob.id}`, { isAdmin: false })).statusCode,
        200,
      );
      for (const [method, url, payload] of [
        ['PATCH', `/api/users/${admin.userId}`, { isAdmin: false }],
        ['PATCH', `/api/users/${admin.userId}`, { disabled: true }],
        ['DELETE', `/api/users/${admin.userId}`, undefined],
      ] as const) {
        const res = await call(admin, method, url, payload);
        assert.equal(res.statusCode, 409, `${method} ${JSON.stringify(payload)}: ${res.body}`);
        assert.equal(res.json().code, 'LAST_ADMIN');
      }
      assert.equal((await userRow(admin.userId))?.isAdmin, true);
    });

    it('a disabled user cannot sign in nor use a session or API key, until enabled again', async () => {
      const dan = await createUser(t.app, admin, 'Dan');
      const key = await call(dan, 'POST', '/api/api-keys', { name: 'script' });
      const secret = key.json<{ secret: string }>().secret;
      const res = await call(admin, 'PATCH', `/api/users/${dan.userId}`, { disabled: true });
      assert.equal(res.json<AdminUser>().disabled, true);

      assert.equal((await call(dan, 'GET', '/api/users/me')).statusCode, 401, 'session ended');
      const byKey = await t.app.inject({ url: '/api/users/me', headers: { 'x-api-key': secret } });
      assert.equal(byKey.statusCode, 403);
      assert.equal(byKey.json().code, 'USER_DISABLED');
      const signIn = await call(undefined, 'POST', '/api/auth/login', {
        email: 'dan@example.com',
        password: 'Dan-password-123',
      });
      // The same answer as a wrong password: see [Note: A disabled account signs in like a wrong password].
      assert.equal(signIn.statusCode, 401);
      assert.equal(signIn.json().code, 'INVALID_CREDENTIALS');
      assert.match(signIn.json().message, /disabled/);

      await call(admin, 'PATCH', `/api/users/${dan.userId}`, { disabled: false });
      await login(t.app, 'dan@example.com', 'Dan-password-123');
    });

    it('resets a password: the old one and the user’s sessions stop working', async () => {
      const eve = await createUser(t.app, admin, 'Eve');
      const res = await call(admin, 'POST', `/api/users/${eve.userId}/password`, {
        password: 'a brand new secret',
      });
      assert.equal(res.statusCode, 204, res.body);
      assert.equal((await call(eve, 'GET', '/api/users/me')).statusCode, 401);
      await assert.rejects(login(t.app, 'eve@example.com', 'Eve-password-123'));
      await login(t.app, 'eve@example.com', 'a brand new secret');
      const short = await call(admin, 'POST', `/api/users/${eve.userId}/password`, {
        password: 'short',
      });
      assert.equal(short.statusCode, 400);
    });

    it('deletes after the grace period (restorable until then); shared bytes stay', async () => {
      const fay = await createUser(t.app, admin, 'Fay');
      const gus = await createUser(t.app, admin, 'Gus');
      const faysOwn = await upload(fay, PHOTO_C);
      await upload(fay, PHOTO_B);
      const gusCopy = await upload(gus, PHOTO_B);
      await waitForAsset(t.app, fay, faysOwn);

      const deleted = await call(admin, 'DELETE', `/api/users/${fay.userId}`);
      assert.equal(deleted.statusCode, 200, deleted.body);
      const deleteAfter = Date.parse(deleted.json<AdminUser>().deleteAfter!);
      assert.ok(Math.abs(deleteAfter - (Date.now() + 7 * DAY)) < 60_000, 'seven days by default');
      assert.equal((await call(fay, 'GET', '/api/users/me')).statusCode, 401, 'signed out');
      await assert.rejects(login(t.app, 'fay@example.com', 'Fay-password-123'));

      // Restored within the grace period: nothing lost.
      const restored = await call(admin, 'POST', `/api/users/${fay.userId}/restore`);
      assert.equal(restored.json<AdminUser>().deleteAfter, null);
      const fayAgain = await login(t.app, 'fay@example.com', 'Fay-password-123');
      assert.equal(await assetCount(fayAgain), 2);

      await call(admin, 'DELETE', `/api/users/${fay.userId}`);
      // Before the grace period ends, maintenance keeps everything.
      assert.equal(await t.keepsake.userAdmin.purgeDue(), 0);
      offsetMs = 8 * DAY;
      try {
        assert.equal(await t.keepsake.userAdmin.purgeDue(), 1);
      } finally {
        offsetMs = 0;
      }
      assert.equal(await userRow(fay.userId), undefined);
      assert.equal((await call(admin, 'POST', `/api/users/${fay.userId}/restore`)).statusCode, 404);
      const keys = await storedKeys(t);
      const checksumC = sha256(await readFile(corpusPath(PHOTO_C)));
      assert.ok(!keys.includes(originalKeyFor(checksumC)), 'Fay’s own original is gone');
      assert.ok(!keys.some((k) => k.includes(faysOwn)), 'and its renditions');
      // Gus kept the photo they both had: its bytes stay.
      const original = await call(gus, 'GET', `/api/assets/${gusCopy}/original`);
      assert.equal(original.statusCode, 200);
      assert.deepEqual(original.rawPayload, await readFile(corpusPath(PHOTO_B)));
    });
  });

  describe('deletion policy', () => {
    let other: TestApp;
    before(async () => {
      other = await startTestApp({ env: { KEEPSAKE_USER_DELETE_GRACE_DAYS: '3' } });
    });
    after(() => other.close());

    it('tells admins the configured grace period, the one a deletion then keeps to', async () => {
      const root = await setupAdmin(other.app);
      const ivy = await createUser(other.app, root, 'Ivy');
      const ask = (session: Session) =>
        other.app.inject({ url: '/api/users/deletion-policy', headers: session.headers });
      const policy = await ask(root);
      assert.equal(policy.statusCode, 200, policy.body);
      assert.deepEqual(policy.json(), { graceDays: 3 });
      assert.equal((await ask(ivy)).statusCode, 403);
      const deleted = await other.app.inject({
        method: 'DELETE',
        url: `/api/users/${ivy.userId}`,
        headers: root.headers,
      });
      const deleteAfter = Date.parse(deleted.json<AdminUser>().deleteAfter!);
      assert.ok(Math.abs(deleteAfter - (Date.now() + 3 * DAY)) < 60_000, deleted.body);
      // The default server says seven.
      assert.deepEqual((await call(admin, 'GET', '/api/users/deletion-policy')).json(), {
        graceDays: 7,
      });
    });
  });

  describe('quota', () => {
    let hal: Session;
    let sizeA: number;

    before(async () => {
      hal = await createUser(t.app, admin, 'Hal');
      sizeA = (await readFile(corpusPath(PHOTO_A))).length;
      await call(admin, 'PATCH', `/api/users/${hal.userId}`, { quotaBytes: sizeA + 1000 });
      await upload(hal, PHOTO_A);
    });

    it('refuses a multipart upload over quota: no asset, nothing left in staging', async () => {
      const res = await uploadFile(t.app, hal, corpusPath(PHOTO_B));
      assert.equal(res.statusCode, 413, res.body);
      assert.equal(res.json().code, 'QUOTA_EXCEEDED');
      assert.match(res.json().message, /of .* used/);
      assert.equal(await assetCount(hal), 1);
      assert.equal(await stagedLeftovers(t), 0);
      // My own photo again adds nothing, so it is never refused.
      const again = await uploadFile(t.app, hal, corpusPath(PHOTO_A));
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().status, 'duplicate');
    });

    it('refuses a tus upload over quota at creation, from its Upload-Length', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const address = t.app.server.address();
      assert.ok(address && typeof address === 'object');
      const res = await fetch(`http://127.0.0.1:${address.port}/api/uploads`, {
        method: 'POST',
        headers: {
          ...hal.headers,
          'tus-resumable': '1.0.0',
          'upload-length': String(5_000_000),
          'upload-metadata': `filename ${Buffer.from('big.jpg').toString('base64')}`,
        },
      });
      assert.equal(res.status, 413);
      const body = (await res.json()) as { code: string };
      assert.equal(body.code, 'QUOTA_EXCEEDED');
      assert.equal(await assetCount(hal), 1);
      assert.equal(await stagedLeftovers(t), 0);
    });

    it('an identical file of two owners is stored once and counts for each', async () => {
      const ivy = await createUser(t.app, admin, 'Ivy');
      const jon = await createUser(t.app, admin, 'Jon');
      const bytes = await readFile(corpusPath(PHOTO_C));
      const ivysCopy = (await uploadBytes(t.app, ivy, bytes, 'c.jpg')).json<{ id: string }>().id;
      const jonsCopy = (await uploadBytes(t.app, jon, bytes, 'c.jpg')).json<{ id: string }>().id;
      assert.notEqual(ivysCopy, jonsCopy);
      const key = originalKeyFor(sha256(bytes));
      assert.equal((await storedKeys(t)).filter((k) => k === key).length, 1, 'stored once');
      assert.equal((await userRow(ivy.userId))?.storage.usedBytes, bytes.length);
      assert.equal((await userRow(jon.userId))?.storage.usedBytes, bytes.length);

      // Jon deletes his copy for good: Ivy's bytes stay.
      await waitForAsset(t.app, jon, jonsCopy);
      assert.equal((await call(jon, 'DELETE', `/api/assets/${jonsCopy}`)).statusCode, 200);
      assert.equal((await call(jon, 'DELETE', `/api/trash`)).statusCode, 200);
      assert.equal((await userRow(jon.userId))?.storage.usedBytes, 0);
      assert.ok((await storedKeys(t)).includes(key));
      const original = await call(ivy, 'GET', `/api/assets/${ivysCopy}/original`);
      assert.deepEqual(original.rawPayload, bytes);
    });
  });

  describe('partners', () => {
    let kim: Session;
    let leo: Session;
    let max: Session;
    let kimsPhoto: string;
    let leosPhoto: string;

    before(async () => {
      kim = await createUser(t.app, admin, 'Kim');
      leo = await createUser(t.app, admin, 'Leo');
      max = await createUser(t.app, admin, 'Max');
      kimsPhoto = await upload(kim, PHOTO_B);
      leosPhoto = await upload(leo, PHOTO_C);
      await waitForAsset(t.app, kim, kimsPhoto);
      await waitForAsset(t.app, leo, leosPhoto);
    });

    const reads = (session: Session, id: string) =>
      Promise.all(
        ['', '/thumbnail', '/original'].map(
          async (suffix) => (await call(session, 'GET', `/api/assets/${id}${suffix}`)).statusCode,
        ),
      );
    const timeline = async (session: Session) => {
      const items: { id: string; ownerId?: string }[] = [];
      for (const { bucket } of (await call(session, 'GET', '/api/timeline/buckets')).json<
        { bucket: string }[]
      >())
        items.push(
          ...(await call(session, 'GET', `/api/timeline/buckets/${bucket}`)).json().assets,
        );
      return items;
    };

    it('a partner reads my library but never changes it; others get 404', async () => {
      assert.deepEqual(await reads(leo, kimsPhoto), [404, 404, 404], 'not shared yet');
      const shared = await call(kim, 'POST', '/api/partners', { userId: leo.userId });
      assert.equal(shared.statusCode, 201, shared.body);
      assert.equal(shared.json().user.name, 'Leo');

      assert.deepEqual(await reads(leo, kimsPhoto), [200, 200, 200]);
      assert.deepEqual(await reads(max, kimsPhoto), [404, 404, 404], 'not a partner');
      assert.deepEqual(await reads(kim, leosPhoto), [404, 404, 404], 'sharing is one way');
      const patch = await call(leo, 'PATCH', `/api/assets/${kimsPhoto}`, { isFavorite: true });
      assert.equal(patch.statusCode, 404);
      assert.equal((await call(leo, 'DELETE', `/api/assets/${kimsPhoto}`)).statusCode, 404);
      assert.equal((await call(kim, 'GET', `/api/assets/${kimsPhoto}`)).json().isFavorite, false);

      const kims = (await call(kim, 'GET', '/api/partners')).json();
      assert.deepEqual(
        kims.sharedBy.map((p: { user: { id: string } }) => p.user.id),
        [leo.userId],
      );
      assert.deepEqual(kims.sharedWith, []);
      const leos = (await call(leo, 'GET', '/api/partners')).json();
      assert.equal(leos.sharedWith[0].user.id, kim.userId);
      assert.equal(leos.sharedWith[0].inTimeline, false);
    });

    it('shows a partner’s photos in my timeline, marked with their ownerId, if I choose', async () => {
      assert.deepEqual(
        (await timeline(leo)).map((i) => i.id),
        [leosPhoto],
      );
      // Only the receiving partner chooses.
      assert.equal(
        (await call(kim, 'PATCH', `/api/partners/${leo.userId}`, { inTimeline: true })).statusCode,
        404,
      );
      const chosen = await call(leo, 'PATCH', `/api/partners/${kim.userId}`, { inTimeline: true });
      assert.equal(chosen.statusCode, 200, chosen.body);
      const items = await timeline(leo);
      assert.deepEqual(
        items.map((i) => [i.id, i.ownerId]).sort(),
        [
          [kimsPhoto, kim.userId],
          [leosPhoto, undefined],
        ].sort(),
      );
      assert.deepEqual(
        (await timeline(kim)).map((i) => i.id),
        [kimsPhoto],
        'Kim’s own timeline is unchanged',
      );
    });

    it('unsharing stops it at once', async () => {
      assert.equal((await call(kim, 'DELETE', `/api/partners/${leo.userId}`)).statusCode, 204);
      assert.deepEqual(await reads(leo, kimsPhoto), [404, 404, 404]);
      assert.deepEqual(
        (await timeline(leo)).map((i) => i.id),
        [leosPhoto],
      );
      assert.equal((await call(kim, 'DELETE', `/api/partners/${leo.userId}`)).statusCode, 404);
      assert.equal(
        (await call(kim, 'POST', '/api/partners', { userId: kim.userId })).statusCode,
        404,
        'not with myself',
      );
    });
  });
});

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
