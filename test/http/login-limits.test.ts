import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ADMIN,
  createUser,
  setupAdmin,
  startTestApp,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

const SECOND = 1000;

/** Sign-in guessing is slowed per account as well as per address; link passwords are not short. */
describe('login limits: per account, per client address, link passwords', () => {
  let t: TestApp;
  let admin: Session;
  let offsetMs = 0;
  let address = 0;

  before(async () => {
    t = await startTestApp({
      workers: false,
      clock: { now: () => new Date(Date.now() + offsetMs) },
      env: { KEEPSAKE_TRUST_PROXY: 'true', KEEPSAKE_LOGIN_RATE_LIMIT: '4' },
    });
    admin = await setupAdmin(t.app);
  });
  after(() => t.close());

  /** Each from another client address unless told, as a guesser with many addresses would. */
  const signIn = (
    email: string,
    password: string,
    options: { from?: string; cookies?: Record<string, string> } = {},
  ) =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-for': options.from ?? `198.51.100.${++address % 250}` },
      cookies: options.cookies,
      payload: { email, password },
    });

  it('locks an account after 5 wrong passwords in a row, from any address, whatever the next password', async () => {
    await createUser(t.app, admin, 'Lou');
    const statuses = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await signIn('lou@example.com', `guess ${i}`)).statusCode);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401]);
    const locked = await signIn('LOU@example.com', 'Lou-password-123');
    assert.equal(locked.statusCode, 429, locked.body);
    assert.equal(locked.json().code, 'LOGIN_LOCKED');
    assert.match(locked.json().message, /try again in (30|29) s/);

    offsetMs += 31 * SECOND;
    const after = await signIn('lou@example.com', 'Lou-password-123');
    assert.equal(after.statusCode, 200, 'open again once the lock has passed');
    // A correct password starts the count again.
    for (let i = 0; i < 4; i++)
      assert.equal((await signIn('lou@example.com', `again ${i}`)).statusCode, 401);
  });

  it('backs off twice as long each time, never more than 15 minutes', async () => {
    await createUser(t.app, admin, 'Max');
    const waits = [];
    for (let failures = 0; failures < 12;) {
      const res = await signIn('max@example.com', `guess ${failures}`);
      if (res.statusCode === 401) {
        failures++;
        continue;
      }
      assert.equal(res.statusCode, 429, res.body);
      const seconds = Number(/in (\d+) s/.exec(res.json<{ message: string }>().message)![1]);
      waits.push(seconds);
      offsetMs += seconds * SECOND + SECOND; // waited out, as a patient guesser would
    }
    // After the 5th failure to the 11th; the 10th would be 960 s.
    assert.deepEqual(waits, [30, 60, 120, 240, 480, 900, 900]);
  });

  it('lets a browser that signed in to the account before through its lock', async () => {
    const first = await signIn('admin@example.com', ADMIN.password);
    const device = first.cookies.find((c) => c.name === 'keepsake_device');
    assert.ok(device?.httpOnly && device.path === '/api/auth', 'a device cookie for sign-in only');
    for (let i = 0; i < 6; i++) await signIn(ADMIN.email, `a stranger's guess ${i}`);
    assert.equal((await signIn(ADMIN.email, ADMIN.password)).statusCode, 429, 'locked');

    const owner = await signIn(ADMIN.email, ADMIN.password, {
      cookies: { keepsake_device: device.value },
    });
    assert.equal(owner.statusCode, 200, owner.body);
    assert.equal(
      owner.cookies.find((c) => c.name === 'keepsake_device'),
      undefined,
      'the device keeps its cookie',
    );
    const forged = await signIn(ADMIN.email, 'guess', { cookies: { keepsake_device: 'made-up' } });
    assert.equal(
      forged.statusCode,
      429,
      'only a device the server knows; the owner’s sign-in did not lift the lock',
    );
  });

  it('locks an email without an account the same way: the answer tells nothing', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await signIn('nobody@example.com', `guess ${i}`)).statusCode);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429]);
  });

  it('limits each client address on its own behind a trusted proxy', async () => {
    const from = (ip: string, i: number) =>
      signIn(`someone-${ip}-${i}@example.com`, 'guess', { from: ip });
    const first = [];
    for (let i = 0; i < 5; i++) first.push((await from('203.0.113.7', i)).statusCode);
    assert.deepEqual(first, [401, 401, 401, 401, 429]);
    assert.equal((await from('203.0.113.8', 0)).statusCode, 401, 'another client is not held up');
  });

  it('refuses link passwords under 8 characters', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/albums',
      headers: admin.headers,
      payload: { name: 'Shared' },
    });
    const albumId = res.json<{ id: string }>().id;
    const link = (password: string | null) =>
      t.app.inject({
        method: 'POST',
        url: '/api/shared-links',
        headers: admin.headers,
        payload: { albumId, password },
      });
    for (const password of ['x', 'seven77']) {
      const short = await link(password);
      assert.equal(short.statusCode, 400, password);
      assert.equal(short.json().code, 'VALIDATION_FAILED');
      assert.match(short.json().message, /at least 8 characters/);
    }
    assert.equal((await link('eight888')).statusCode, 201);
    assert.equal((await link(null)).statusCode, 201, 'no password at all is allowed');
  });
});
