import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserForSuite, steps } from '../helpers/browser.js';
import { ADMIN } from '../helpers/test-app.js';

describe('web app: first run, sign-in and sign-out', () => {
  const browser = browserForSuite('first-run');

  it('creates the admin on first run, signs out, and signs back in to the page it left', async () => {
    const b = browser();
    const { page } = b;
    await steps(b, [
      [
        'setup page on first visit',
        async () => {
          await page.goto(b.baseUrl);
          await page.getByRole('heading', { name: 'Welcome to Keepsake' }).waitFor();
          assert.equal(new URL(page.url()).pathname, '/setup');
        },
      ],
      [
        'mismatched passwords are refused with a message',
        async () => {
          await page.getByLabel('Your name').fill(ADMIN.name);
          await page.getByLabel('Email').fill(ADMIN.email);
          await page.getByLabel('Password (at least 8 characters)').fill(ADMIN.password);
          await page.getByLabel('Password again').fill('something else entirely');
          await page.getByRole('button', { name: 'Create account' }).click();
          await page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
        },
      ],
      [
        'account created and signed in',
        async () => {
          await page.getByLabel('Password again').fill(ADMIN.password);
          await page.getByRole('button', { name: 'Create account' }).click();
          await page.getByRole('navigation', { name: 'Main' }).waitFor();
          assert.equal(new URL(page.url()).pathname, '/');
          await page.getByText(ADMIN.name).waitFor();
        },
      ],
      [
        'navigation reaches another page',
        async () => {
          await page.getByRole('link', { name: 'Trash' }).click();
          assert.equal(new URL(page.url()).pathname, '/trash');
        },
      ],
      [
        'sign out',
        async () => {
          await page.getByRole('button', { name: 'Sign out' }).click();
          await page.getByRole('heading', { name: 'Sign in to Keepsake' }).waitFor();
          const me = await page.request.get(`${b.baseUrl}/api/users/me`);
          assert.equal(me.status(), 401, 'the session no longer works');
        },
      ],
      [
        'a page opened while signed out returns there after sign-in',
        async () => {
          await page.goto(`${b.baseUrl}/favorites`);
          await page.getByRole('heading', { name: 'Sign in to Keepsake' }).waitFor();
          await page.getByLabel('Email').fill(ADMIN.email);
          await page.getByLabel('Password').fill('wrong password');
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page.getByRole('alert').waitFor();
          await page.getByLabel('Password').fill(ADMIN.password);
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page.waitForURL(`${b.baseUrl}/favorites`);
        },
      ],
      [
        'an ended session leads to sign-in and back',
        async () => {
          // Sign out from "another tab": the page's session cookie stops working.
          const logout = await page.request.post(`${b.baseUrl}/api/auth/logout`);
          assert.equal(logout.status(), 204);
          // The next request of the page finds out: going to Photos makes one, unless the page
          // (loading more favorites, say) has already made one and shows the sign-in.
          await page
            .getByRole('link', { name: 'Photos' })
            .click({ timeout: 2000 })
            .catch(() => undefined);
          await page.getByText('Your session has ended').waitFor();
          const back = new URL(page.url()).searchParams.get('next') ?? '/';
          await page.getByLabel('Email').fill(ADMIN.email);
          await page.getByLabel('Password').fill(ADMIN.password);
          await page.getByRole('button', { name: 'Sign in' }).click();
          await page.waitForURL(`${b.baseUrl}${back}`);
          await page.getByRole('navigation', { name: 'Main' }).waitFor();
        },
      ],
    ]);
  });
});
