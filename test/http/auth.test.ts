import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN,
  createUser,
  login,
  setupAdmin,
  startTestApp,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';
import { REDIS_URL } from '../helpers/stack.js';

describe('users and authentication', () => {
  let t: TestApp;
  let admin: Session;

  before(async () => {
    t = await startTestApp({ env: { KEEPSAKE_LOGIN_RATE_LIMIT: '8' } });
  });
  after(() => t.close());

  it('asks for setup on a new server, creates the first user as admin, then refuses setup', async () => {
    const status = await t.app.inject({ url: '/api/auth/setup' });
    assert.deepEqual(status.json(), { setupRequired: true });
    admin = await setupAdmin(t.app);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/setup',
      payload: { email: 'other@example.com', password: 'another password', name: 'Mallory' },
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'SETUP_ALREADY_DONE');
    assert.deepEqual((await t.app.inject({ url: '/api/auth/setup' })).json(), {
      setupRequired: false,
    });
  });

  it('signs in with the token in the body and an httpOnly cookie, and knows who I am', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: ADMIN.email.toUpperCase(), password: ADMIN.password },
    });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.user.email, ADMIN.email);
    assert.equal(body.user.isAdmin, true);
    const cookie = res.cookies.find((c) => c.name === 'keepsake_session');
    assert.ok(cookie?.httpOnly);
    assert.equal(cookie.value, body.accessToken);

    const viaCookie = await t.app.inject({
      url: '/api/users/me',
      cookies: { keepsake_session: cookie.value },
    });
    assert.equal(viaCookie.json().email, ADMIN.email);
    const viaBearer = await t.app.inject({
      url: '/api/users/me',
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    assert.equal(viaBearer.json().name, ADMIN.name);
  });

  it('rejects wrong passwords and unknown emails alike, and unauthenticated requests', async () => {
    for (const payload of [
      { email: ADMIN.email, password: 'wrong password' },
      { email: 'nobody@example.com', password: ADMIN.password },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().code, 'INVALID_CREDENTIALS');
    }
    const anonymous = await t.app.inject({ url: '/api/users/me' });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(anonymous.json().code, 'UNAUTHENTICATED');
    const forged = await t.app.inject({
      url: '/api/users/me',
      headers: { authorization: 'Bearer not-a-token' },
    });
    assert.equal(forged.statusCode, 401);
  });

  it('rate-limits login attempts', async () => {
    let limited;
    for (let i = 0; i < 10 && !limited; i++) {
      // Another email each time: one email has a lock of its own (login-limits.test.ts).
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.8.7',
        payload: { email: `guess-${i}@example.com`, password: 'guess' },
      });
      if (res.statusCode === 429) limited = res;
    }
    assert.ok(limited, 'no 429 after 10 attempts');
    assert.equal(limited.json().code, 'RATE_LIMITED');
  });

  it('logs out: the session stops working at once', async () => {
    const session = await login(t.app, ADMIN.email, ADMIN.password);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: session.headers,
    });
    assert.equal(out.statusCode, 204);
    const after = await t.app.inject({ url: '/api/users/me', headers: session.headers });
    assert.equal(after.statusCode, 401);
  });

  it('lets an admin create and list users, and only an admin', async () => {
    const bob = await createUser(t.app, admin, 'Bob');
    const list = await t.app.inject({ url: '/api/users', headers: admin.headers });
    assert.deepEqual(
      list.json().map((u: { email: string }) => u.email),
      [ADMIN.email, 'bob@example.com'],
    );
    const me = await t.app.inject({ url: '/api/users/me', headers: bob.headers });
    assert.equal(me.json().isAdmin, false);
    for (const request of [
      { method: 'GET' as const, url: '/api/users' },
      {
        method: 'POST' as const,
        url: '/api/users',
        payload: { email: 'x@example.com', password: 'password123', name: 'X' },
      },
      { method: 'GET' as const, url: '/api/jobs' },
    ]) {
      const res = await t.app.inject({ ...request, headers: bob.headers });
      assert.equal(res.statusCode, 403, request.url);
      assert.equal(res.json().code, 'ADMIN_REQUIRED');
    }
    const duplicate = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { email: 'BOB@example.com', password: 'password123', name: 'Bob again' },
    });
    assert.equal(duplicate.statusCode, 409);
    assert.equal(duplicate.json().code, 'EMAIL_TAKEN');
  });

  it('answers invalid input with VALIDATION_FAILED', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { email: 'short@example.com', password: 'short', name: 'S' },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, 'VALIDATION_FAILED');
    const unknownRoute = await t.app.inject({ url: '/api/nothing-here', headers: admin.headers });
    assert.equal(unknownRoute.statusCode, 404);
    assert.equal(unknownRoute.json().code, 'ROUTE_NOT_FOUND');
  });

  it('creates API keys that authenticate until revoked', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      headers: admin.headers,
      payload: { name: 'desktop backup' },
    });
    assert.equal(created.statusCode, 201);
    const { id, secret } = created.json();
    const me = await t.app.inject({ url: '/api/users/me', headers: { 'x-api-key': secret } });
    assert.equal(me.json().email, ADMIN.email);
    const list = await t.app.inject({ url: '/api/api-keys', headers: admin.headers });
    assert.deepEqual(
      list.json().map((k: { name: string }) => k.name),
      ['desktop backup'],
    );
    assert.equal(list.json()[0].secret, undefined, 'the secret is shown once only');
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/api-keys/${id}`,
      headers: admin.headers,
    });
    assert.equal(revoke.statusCode, 204);
    const after = await t.app.inject({ url: '/api/users/me', headers: { 'x-api-key': secret } });
    assert.equal(after.statusCode, 401);
  });
});

describe('sessions past their end', () => {
  let t: TestApp;
  before(async () => (t = await startTestApp({ workers: false })));
  after(() => t.close());

  it('are removed by the clean-up, and only they', async () => {
    await setupAdmin(t.app);
    const session = await login(t.app, ADMIN.email, ADMIN.password);
    assert.equal(await t.keepsake.auth.purgeExpiredSessions(new Date()), 0);
    assert.equal(
      (await t.app.inject({ url: '/api/users/me', headers: session.headers })).statusCode,
      200,
    );

    const afterTheyEnd = new Date(Date.now() + 31 * 86_400_000); // sessions last 30 days
    assert.equal(await t.keepsake.auth.purgeExpiredSessions(afterTheyEnd), 2);
    assert.equal(
      (await t.app.inject({ url: '/api/users/me', headers: session.headers })).statusCode,
      401,
    );
  });
});

describe('login rate limit with Redis', () => {
  const apps: TestApp[] = [];
  after(() => Promise.all(apps.map((a) => a.close())));

  it('is one limit across API processes, not one per process', async () => {
    const env = {
      KEEPSAKE_QUEUE_URL: REDIS_URL,
      KEEPSAKE_QUEUE_PREFIX: `keepsake-test-${randomBytes(6).toString('hex')}`,
      KEEPSAKE_LOGIN_RATE_LIMIT: '4',
    };
    for (let i = 0; i < 2; i++) apps.push(await startTestApp({ workers: false, env }));
    const attempt = (app: TestApp) =>
      app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { email: 'nobody@example.com', password: 'wrong password' },
      });
    const codes = [];
    for (const app of [apps[0]!, apps[1]!, apps[0]!, apps[1]!, apps[0]!, apps[1]!])
      codes.push((await attempt(app)).statusCode);
    assert.deepEqual(codes, [401, 401, 401, 401, 429, 429]);
  });
});
