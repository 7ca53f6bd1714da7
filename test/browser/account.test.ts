import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import {
  addUser,
  BOB,
  browserForSuite,
  CHROMIUM,
  signIn,
  signInAdmin,
  steps,
} from '../helpers/browser.js';

const PHONE_AGENT =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/156.0 Mobile Safari/537.36';
const NEW_PASSWORD = 'a-new-password-for-bob';

describe('web app: the account page', () => {
  const browser = browserForSuite('account');
  let other: Browser;
  before(async () => {
    other = await chromium.launch(CHROMIUM);
  });
  after(async () => {
    await other.close();
  });

  it('changes the password, signs out another session, and makes and revokes API keys', async () => {
    const b = browser();
    const { page, baseUrl } = b;
    let phone: BrowserContext | undefined;
    let secret = '';
    /** A call with only this API key, as a script would make it. */
    const withKey = async (key: string) =>
      (await fetch(`${baseUrl}/api/users/me`, { headers: { 'x-api-key': key } })).status;
    const login = async (password: string) =>
      (
        await fetch(`${baseUrl}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: BOB.email, password }),
        })
      ).status;
    const sessions = page.getByRole('list', { name: 'Sessions' });
    const keys = page.getByRole('region', { name: 'API keys' });

    await steps(b, [
      [
        'Bob, a member, is signed in here and on a phone',
        async () => {
          await signInAdmin(b);
          await addUser(b, BOB);
          await signIn(b, BOB);
          phone = await other.newContext({ userAgent: PHONE_AGENT });
          const signedIn = await phone.request.post(`${baseUrl}/api/auth/login`, {
            data: { email: BOB.email, password: BOB.password },
          });
          assert.equal(signedIn.status(), 200);
        },
      ],
      [
        'the account page, from his name in the top bar, lists both sessions',
        async () => {
          await page.goto(baseUrl);
          await page.getByRole('link', { name: 'Account' }).click();
          await page.getByRole('heading', { name: 'Account', level: 1 }).waitFor();
          assert.equal(new URL(page.url()).pathname, '/account');
          await sessions.getByText('This browser').waitFor();
          await sessions.getByText('Chrome on Android').waitFor();
          assert.equal(await sessions.getByRole('listitem').count(), 2);
        },
      ],
      [
        'signing the phone out ends its session at once',
        async () => {
          await sessions.getByRole('button', { name: /^Sign out Chrome on Android/ }).click();
          await sessions.getByText('Chrome on Android').waitFor({ state: 'detached' });
          assert.equal(await sessions.getByRole('listitem').count(), 1);
          const afterwards = await phone!.request.get(`${baseUrl}/api/users/me`);
          assert.equal(afterwards.status(), 401);
        },
      ],
      [
        'an API key is made, its secret shown once, and it works until revoked',
        async () => {
          await keys.getByLabel('Name of a new key').fill('backup script');
          await keys.getByRole('button', { name: 'Create key' }).click();
          secret = await keys.getByLabel('New API key').inputValue();
          assert.ok(secret.length >= 32, secret);
          assert.equal(await withKey(secret), 200);
          await keys.getByRole('button', { name: 'Revoke backup script' }).click();
          await keys.getByText('No API keys.').waitFor();
          assert.equal(await keys.getByLabel('New API key').count(), 0);
          assert.equal(await withKey(secret), 401);
        },
      ],
      [
        'a wrong current password is refused',
        async () => {
          await keys.getByLabel('Name of a new key').fill('sync');
          await keys.getByRole('button', { name: 'Create key' }).click();
          secret = await keys.getByLabel('New API key').inputValue();
          const form = page.getByRole('form', { name: 'Password' });
          await form.getByLabel('Current password').fill('not-bobs-password');
          await form.getByLabel('New password (at least 8 characters)').fill(NEW_PASSWORD);
          await form.getByLabel('New password again').fill(NEW_PASSWORD);
          await form.getByRole('button', { name: 'Change password' }).click();
          await form.getByRole('alert').filter({ hasText: 'current password' }).waitFor();
          assert.equal(await login(BOB.password), 200);
        },
      ],
      [
        'the password is changed: the old one no longer signs in, the new one does, keys are revoked',
        async () => {
          const form = page.getByRole('form', { name: 'Password' });
          await form.getByLabel('Current password').fill(BOB.password);
          await form.getByRole('button', { name: 'Change password' }).click();
          await form.getByRole('status').filter({ hasText: 'Password changed' }).waitFor();
          assert.equal(await login(BOB.password), 401);
          assert.equal(await login(NEW_PASSWORD), 200);
          await keys.getByText('No API keys.').waitFor();
          assert.equal(await withKey(secret), 401);
          // This browser stays signed in.
          assert.equal((await page.request.get(`${baseUrl}/api/users/me`)).status(), 200);
        },
      ],
    ]);
    await phone?.close();
  });
});
