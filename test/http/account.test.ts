import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import {
  createUser,
  login,
  setupAdmin,
  startTestApp,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

interface SessionDto {
  id: string;
  createdAt: string;
  lastSeenAt: string | null;
  userAgent: string | null;
  current: boolean;
}

/** A person's own account: password, sessions, API keys; and what a password reset ends. */
describe('own account: password, sessions and API keys', () => {
  let t: TestApp;
  let admin: Session;

  before(async () => {
    t = await startTestApp({ workers: false });
    admin = await setupAdmin(t.app);
  });
  after(() => t.close());

  const call = (
    headers: Record<string, string> | undefined,
    method: InjectOptions['method'],
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers, payload });
  const me = (headers: Record<string, string>) => call(headers, 'GET', '/api/users/me');
  const newKey = async (session: Session) => {
    const res = await call(session.headers, 'POST', '/api/api-keys', { name: 'script' });
    assert.equal(res.statusCode, 201, res.body);
    return { 'x-api-key': res.json<{ secret: string }>().secret };
  };
  const signIn = async (email: string, password: string, userAgent: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'user-agent': userAgent },
      payload: { email, password },
    });
    assert.equal(res.statusCode, 200, res.body);
    return { authorization: `Bearer ${res.json<{ accessToken: string }>().accessToken}` };
  };

  it('changes my own password: needs the current one, keeps this session, ends the others and revokes my keys', async () => {
    const ann = await createUser(t.app, admin, 'Ann');
    const phone = await signIn('ann@example.com', 'Ann-password-123', 'Phone');
    const key = await newKey(ann);

    const wrong = await call(ann.headers, 'PUT', '/api/users/me/password', {
      currentPassword: 'not my password',
      newPassword: 'a new long password',
    });
    assert.equal(wrong.statusCode, 400, wrong.body);
    assert.equal(wrong.json().code, 'CURRENT_PASSWORD_WRONG');
    assert.equal((await me(phone)).statusCode, 200, 'nothing changed');
    const short = await call(ann.headers, 'PUT', '/api/users/me/password', {
      currentPassword: 'Ann-password-123',
      newPassword: 'short',
    });
    assert.equal(short.statusCode, 400);

    const res = await call(ann.headers, 'PUT', '/api/users/me/password', {
      currentPassword: 'Ann-password-123',
      newPassword: 'a new long password',
    });
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await me(ann.headers)).statusCode, 200, 'the session asking stays');
    assert.equal((await me(phone)).statusCode, 401, 'the other session ended');
    assert.equal((await me(key)).statusCode, 401, 'the API key was revoked');
    await assert.rejects(login(t.app, 'ann@example.com', 'Ann-password-123'));
    await login(t.app, 'ann@example.com', 'a new long password');
  });

  it('keeps my API keys when I ask to', async () => {
    const ben = await createUser(t.app, admin, 'Ben');
    const key = await newKey(ben);
    const res = await call(ben.headers, 'PUT', '/api/users/me/password', {
      currentPassword: 'Ben-password-123',
      newPassword: 'another long password',
      revokeApiKeys: false,
    });
    assert.equal(res.statusCode, 204, res.body);
    assert.equal((await me(key)).statusCode, 200);
  });

  it('lists my own sessions, marks the current one, and ends one of mine but not someone else’s', async () => {
    const cat = await createUser(t.app, admin, 'Cat');
    const laptop = await signIn('cat@example.com', 'Cat-password-123', 'Laptop browser');
    const list = await call(laptop, 'GET', '/api/auth/sessions');
    assert.equal(list.statusCode, 200, list.body);
    const sessions = list.json<SessionDto[]>();
    assert.equal(sessions.length, 2, 'the test helper’s sign-in and the laptop');
    const current = sessions.filter((s) => s.current);
    assert.equal(current.length, 1);
    assert.equal(current[0]!.userAgent, 'Laptop browser');
    assert.ok(current[0]!.lastSeenAt && Date.parse(current[0]!.createdAt) > 0);
    const other = sessions.find((s) => !s.current)!;

    const adminsOwn = (await call(admin.headers, 'GET', '/api/auth/sessions')).json<SessionDto[]>();
    assert.ok(!adminsOwn.some((s) => sessions.some((mine) => mine.id === s.id)), 'only one’s own');
    const notTheirs = await call(admin.headers, 'DELETE', `/api/auth/sessions/${other.id}`);
    assert.equal(notTheirs.statusCode, 404);
    assert.equal(notTheirs.json().code, 'SESSION_NOT_FOUND');
    assert.equal((await me(cat.headers)).statusCode, 200);

    const ended = await call(laptop, 'DELETE', `/api/auth/sessions/${other.id}`);
    assert.equal(ended.statusCode, 204, ended.body);
    assert.equal((await me(cat.headers)).statusCode, 401, 'that session stopped at once');
    assert.equal((await me(laptop)).statusCode, 200);
    assert.equal((await call(laptop, 'GET', '/api/auth/sessions')).json<SessionDto[]>().length, 1);
  });

  it('an admin’s password reset ends the sessions and revokes the API keys, unless told to keep them', async () => {
    const dee = await createUser(t.app, admin, 'Dee');
    const key = await newKey(dee);
    const reset = await call(admin.headers, 'POST', `/api/users/${dee.userId}/password`, {
      password: 'reset by the admin',
    });
    assert.equal(reset.statusCode, 204, reset.body);
    assert.equal((await me(dee.headers)).statusCode, 401);
    assert.equal((await me(key)).statusCode, 401, 'revoked by default');

    const again = await login(t.app, 'dee@example.com', 'reset by the admin');
    const kept = await newKey(again);
    const keep = await call(admin.headers, 'POST', `/api/users/${dee.userId}/password`, {
      password: 'reset once more',
      revokeApiKeys: false,
    });
    assert.equal(keep.statusCode, 204, keep.body);
    assert.equal((await me(again.headers)).statusCode, 401);
    assert.equal((await me(kept)).statusCode, 200, 'kept when asked');
  });

  it('an API key cannot create API keys', async () => {
    const eli = await createUser(t.app, admin, 'Eli');
    const key = await newKey(eli);
    const res = await call(key, 'POST', '/api/api-keys', { name: 'another' });
    assert.equal(res.statusCode, 403, res.body);
    assert.equal(res.json().code, 'API_KEY_CANNOT_CREATE_KEYS');
    assert.equal((await call(eli.headers, 'GET', '/api/api-keys')).json<unknown[]>().length, 1);
  });

  it('a disabled account answers exactly like a wrong password, whatever the password', async () => {
    const fin = await createUser(t.app, admin, 'Fin');
    const wrongWhileEnabled = await call(undefined, 'POST', '/api/auth/login', {
      email: 'fin@example.com',
      password: 'not the password',
    });
    await call(admin.headers, 'PATCH', `/api/users/${fin.userId}`, { disabled: true });
    const answers = [];
    for (const password of ['not the password', 'Fin-password-123']) {
      const res = await call(undefined, 'POST', '/api/auth/login', {
        email: 'fin@example.com',
        password,
      });
      answers.push({ status: res.statusCode, body: res.body });
    }
    const expected = { status: 401, body: wrongWhileEnabled.body };
    assert.equal(wrongWhileEnabled.statusCode, 401);
    assert.deepEqual(answers, [expected, expected]);
  });
});
