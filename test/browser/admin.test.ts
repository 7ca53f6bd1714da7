import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { corpusPath } from '../helpers/corpus.js';
import {
  browserForSuite,
  CHROMIUM,
  signInAdmin,
  steps,
  uploadThroughApi,
} from '../helpers/browser.js';

const GB = 1024 ** 3;
const MIA = { name: 'Mia', email: 'mia@example.com', password: 'mia-first-password' };
const NEW_PASSWORD = 'mia-second-password';
const PHOTO = 'jpeg-exif/IMG_0308.JPG';

interface AdminUser {
  id: string;
  name: string;
  email: string;
  quotaBytes: number | null;
  disabled: boolean;
  deleteAfter: string | null;
  storage: { usedBytes: number; assetCount: number };
}

describe('web app: administration of users', () => {
  let memberBrowser: Browser;
  before(async () => {
    memberBrowser = await chromium.launch(CHROMIUM);
  });
  after(async () => {
    await memberBrowser.close();
  });
  // After the member's browser: hooks run in this order, and a failing close stops the rest.
  const browser = browserForSuite('admin');

  it('adds, edits, disables, resets, deletes and restores a member; members see no admin page', async () => {
    const b = browser();
    const { page, baseUrl } = b;
    // Mia's own browser: her session cookie, never the admin's.
    const member: BrowserContext = await memberBrowser.newContext({
      viewport: { width: 1280, height: 800 },
    });
    const mia: Page = await member.newPage();
    const memberErrors: string[] = [];
    mia.on('pageerror', (error) => memberErrors.push(error.message));

    const row = page.locator('.admin-table tbody tr', { hasText: MIA.email });
    const users = async (): Promise<AdminUser[]> => {
      const response = await page.request.get(`${baseUrl}/api/users`);
      assert.ok(response.ok(), `GET /api/users answered ${response.status()}`);
      return (await response.json()) as AdminUser[];
    };
    const miaOnServer = async () => (await users()).find((u) => u.email === MIA.email)!;
    /** Mia signs in on the sign-in page; the error it shows, or null once she is in. */
    const signInAsMia = async (password: string): Promise<string | null> => {
      await mia.goto(`${baseUrl}/sign-in`);
      await mia.getByLabel('Email').fill(MIA.email);
      await mia.getByLabel('Password').fill(password);
      await mia.getByRole('button', { name: 'Sign in' }).click();
      const alert = mia.getByRole('alert');
      const nav = mia.getByRole('navigation', { name: 'Main' });
      await alert.or(nav).waitFor();
      return (await nav.isVisible()) ? null : await alert.innerText();
    };
    const openDialog = async (button: string, title: string) => {
      await row.getByRole('button', { name: button, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: title });
      await dialog.waitFor();
      return dialog;
    };

    await steps(b, [
      [
        'the admin adds Mia through the Add user form',
        async () => {
          await signInAdmin(b);
          await page.goto(baseUrl);
          await page.getByRole('navigation', { name: 'Main' }).getByText('Administration').click();
          await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
          const form = page.getByRole('form', { name: 'Add user' });
          await form.getByLabel('Name').fill(MIA.name);
          await form.getByLabel('Email').fill(MIA.email);
          await form.getByLabel(/^Password/).fill(MIA.password);
          await form.getByRole('button', { name: 'Add user' }).click();
          await form
            .getByRole('status')
            .getByText(`Mia can now sign in as ${MIA.email}.`)
            .waitFor();
          await row.getByText('Member').waitFor();
          await row.getByText('0 B · 0 items').waitFor();
          assert.equal(await form.getByLabel('Name').inputValue(), '', 'the form is cleared');
        },
      ],
      [
        'Mia signs in, uploads a photo, and finds no administration page',
        async () => {
          assert.equal(await signInAsMia(MIA.password), null);
          const nav = mia.getByRole('navigation', { name: 'Main' });
          await nav.getByText('Albums').waitFor();
          assert.equal(await nav.getByText('Administration').count(), 0);
          await mia.goto(`${baseUrl}/admin`);
          await mia.getByRole('heading', { name: 'There is no page here' }).waitFor();
          assert.equal(await mia.getByRole('heading', { name: 'Administration' }).count(), 0);
          assert.equal((await mia.request.get(`${baseUrl}/api/users`)).status(), 403);
          await uploadThroughApi({ page: mia, baseUrl }, [PHOTO]);
        },
      ],
      [
        'edited to a new name and a 2 GB quota, the row shows them with the storage used',
        async () => {
          const dialog = await openDialog('Edit', 'Edit Mia');
          await dialog.getByLabel('Name').fill('Mia Rossi');
          await dialog.getByLabel(/^Storage quota in GB/).fill('2');
          await dialog.getByRole('button', { name: 'Save' }).click();
          await dialog.waitFor({ state: 'detached' });
          await row.getByRole('rowheader', { name: 'Mia Rossi' }).waitFor();
          const saved = await miaOnServer();
          assert.equal(saved.name, 'Mia Rossi');
          assert.equal(saved.quotaBytes, 2 * GB);
          assert.equal(saved.storage.assetCount, 1);
          const size = (await readFile(corpusPath(PHOTO))).length;
          assert.equal(saved.storage.usedBytes, size, 'the storage used is the original’s size');
          await page.reload();
          const kb = (size / 1024).toFixed(1);
          await row.getByText(`${kb} KB of 2.0 GB · 1 item`, { exact: true }).waitFor();
        },
      ],
      [
        'disabled in the edit dialog, Mia is signed out and cannot sign in',
        async () => {
          const dialog = await openDialog('Edit', 'Edit Mia Rossi');
          await dialog.getByRole('checkbox', { name: /Disabled/ }).check();
          await dialog.getByRole('button', { name: 'Save' }).click();
          await dialog.waitFor({ state: 'detached' });
          await row.getByText('Disabled', { exact: true }).waitFor();
          assert.equal((await miaOnServer()).disabled, true);
          // Her session ended: the app sends her to the sign-in page.
          await mia.goto(baseUrl);
          await mia.getByRole('heading', { name: 'Sign in to Keepsake' }).waitFor();
          assert.equal(
            await signInAsMia(MIA.password),
            'Wrong email or password, or the account is disabled.',
          );
        },
      ],
      [
        'enabled again and given a new password, Mia signs in with it and not the old one',
        async () => {
          const dialog = await openDialog('Edit', 'Edit Mia Rossi');
          await dialog.getByRole('checkbox', { name: /Disabled/ }).uncheck();
          await dialog.getByRole('button', { name: 'Save' }).click();
          await dialog.waitFor({ state: 'detached' });
          await row.getByText('Disabled', { exact: true }).waitFor({ state: 'detached' });
          const reset = await openDialog('New password', 'New password for Mia Rossi');
          await reset.getByLabel(/^New password/).fill(NEW_PASSWORD);
          await reset.getByRole('button', { name: 'Save' }).click();
          await reset.waitFor({ state: 'detached' });
          assert.equal(
            await signInAsMia(MIA.password),
            'Wrong email or password, or the account is disabled.',
          );
          assert.equal(await signInAsMia(NEW_PASSWORD), null);
        },
      ],
      [
        'deleted, Mia shows as awaiting deletion on the date the grace period ends',
        async () => {
          await row.getByRole('button', { name: 'Delete', exact: true }).click();
          const confirm = page.getByRole('dialog', { name: 'Delete Mia Rossi?' });
          await confirm.getByRole('button', { name: 'Delete' }).click();
          await row.getByRole('button', { name: 'Restore' }).waitFor();
          assert.equal(await row.getByRole('button', { name: 'Edit' }).count(), 0);
          const { deleteAfter, disabled } = await miaOnServer();
          assert.ok(deleteAfter, 'the deletion is scheduled');
          assert.equal(disabled, true);
          const days = (Date.parse(deleteAfter) - Date.now()) / 86_400_000;
          assert.ok(days > 6.9 && days <= 7, `deleted after ${days} days`);
          const shown = await page.evaluate(
            (iso) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }),
            deleteAfter,
          );
          await row.getByText(`Deleted on ${shown}`, { exact: true }).waitFor();
          await mia.goto(baseUrl);
          await mia.getByRole('heading', { name: 'Sign in to Keepsake' }).waitFor();
          assert.equal(
            await signInAsMia(NEW_PASSWORD),
            'Wrong email or password, or the account is disabled.',
          );
        },
      ],
      [
        'restored, Mia is a member again, with her photo, and signs in',
        async () => {
          await row.getByRole('button', { name: 'Restore' }).click();
          await row.getByRole('button', { name: 'Edit', exact: true }).waitFor();
          assert.equal(await row.getByText(/^Deleted on /).count(), 0);
          const restored = await miaOnServer();
          assert.equal(restored.deleteAfter, null);
          assert.equal(restored.disabled, false);
          assert.equal(restored.storage.assetCount, 1);
          assert.equal(await signInAsMia(NEW_PASSWORD), null);
        },
      ],
    ]);
    await member.close();
    assert.deepEqual(memberErrors, []);
  });
});
