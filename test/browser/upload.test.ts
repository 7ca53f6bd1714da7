import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { corpusPath } from '../helpers/corpus.js';
import { browserForSuite, signInAdmin, steps } from '../helpers/browser.js';
import { ADMIN } from '../helpers/test-app.js';

const PHOTOS = ['jpeg-exif/IMG_0308.JPG', 'jpeg-exif/PA250004.JPG', 'jpeg-exif/DSCN0137.JPG'];
const NAMES = PHOTOS.map((p) => p.split('/').pop()!);

describe('web app: upload and administration', () => {
  const browser = browserForSuite('upload');

  it('uploads over tus with progress, reports duplicates and refusals, and shows the admin page', async () => {
    const b = browser();
    const { page } = b;
    const panel = page.getByRole('region', { name: 'Uploads' });
    const row = (name: string): Locator => panel.locator('.upload-row').filter({ hasText: name });
    const input = page.getByTestId('upload-input');

    await steps(b, [
      [
        'signed in as the admin',
        async () => {
          await signInAdmin(b);
          await page.goto(b.baseUrl);
          await page.getByRole('button', { name: 'Upload' }).waitFor();
        },
      ],
      [
        'three photos picked: progress, then processing, then ready',
        async () => {
          await input.setInputFiles(PHOTOS.map(corpusPath));
          await panel.waitFor();
          for (const name of NAMES) await row(name).waitFor();
          for (const name of NAMES)
            await row(name).and(page.locator('[data-status="ready"]')).waitFor({ timeout: 60_000 });
          await panel.getByRole('status').filter({ hasText: '3 items added' }).waitFor();
          const total = panel.getByRole('progressbar', { name: 'Total upload progress' });
          assert.equal(await total.getAttribute('value'), '1');
        },
      ],
      [
        'the same photo again is reported as already in the library',
        async () => {
          await input.setInputFiles(corpusPath(PHOTOS[0]!));
          const duplicate = panel.locator('.upload-row[data-status="duplicate"]');
          await duplicate.filter({ hasText: NAMES[0]! }).waitFor();
          await duplicate.filter({ hasText: 'Already in your library' }).waitFor();
          await panel
            .getByRole('status')
            .filter({ hasText: '3 items added · 1 already in your library' })
            .waitFor();
        },
      ],
      [
        'files that are not photos are refused with a readable reason',
        async () => {
          await input.setInputFiles([
            { name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') },
            { name: 'fake.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a jpeg at all') },
          ]);
          const failed = panel.locator('.upload-row[data-status="failed"]');
          await failed
            .filter({ hasText: 'notes.pdf' })
            .filter({ hasText: 'Not a photo or video' })
            .waitFor();
          // The server's own words, and no Retry: trying again would not help.
          await failed
            .filter({ hasText: 'fake.jpg' })
            .filter({ hasText: 'not a photo or video format Keepsake can keep' })
            .waitFor({ timeout: 30_000 });
          assert.equal(await failed.getByRole('button', { name: 'Retry' }).count(), 0);
        },
      ],
      [
        'the library holds exactly the three photos, ready',
        async () => {
          const res = await page.request.get(`${b.baseUrl}/api/assets?limit=50`);
          assert.equal(res.status(), 200);
          const { assets } = (await res.json()) as {
            assets: { originalFileName: string; status: string }[];
          };
          assert.deepEqual(assets.map((a) => a.originalFileName).sort(), [...NAMES].sort());
          assert.ok(assets.every((a) => a.status === 'ready'));
        },
      ],
      [
        'their thumbnails show on the timeline (when the grid is there)',
        async () => {
          // The timeline grid is built beside this test; once it renders thumbnails, they must
          // carry alt text.
          const thumbnails = page.locator('main img');
          const deadline = Date.now() + 10_000;
          while ((await thumbnails.count()) < NAMES.length && Date.now() < deadline)
            await page.waitForTimeout(250);
          const count = await thumbnails.count();
          if (count === 0) return;
          assert.ok(count >= NAMES.length, `${count} thumbnails`);
          for (const alt of await thumbnails.evaluateAll((imgs) =>
            imgs.map((i) => i.getAttribute('alt')),
          ))
            assert.ok(alt, 'every thumbnail has alt text');
        },
      ],
      [
        'the panel closes once nothing is moving',
        async () => {
          await panel.getByRole('button', { name: 'Close uploads' }).click();
          await panel.waitFor({ state: 'detached' });
        },
      ],
      [
        'the admin page shows the queues and the users',
        async () => {
          await page.getByRole('link', { name: 'Administration' }).click();
          await page.getByRole('heading', { name: 'Administration' }).waitFor();
          await page.getByRole('status').filter({ hasText: 'Everything is processed' }).waitFor();
          const queues = page.getByRole('table', { name: 'Jobs per queue' });
          await queues.getByRole('row', { name: /Making thumbnails/ }).waitFor();
          const users = page.getByRole('table', { name: 'Users' });
          const admin = users.getByRole('row').filter({ hasText: ADMIN.email });
          await admin.getByText('Admin', { exact: true }).waitFor();
        },
      ],
      [
        'an admin adds a user; a taken email is refused with a message',
        async () => {
          const form = page.getByRole('form', { name: 'Add user' });
          const add = async (email: string) => {
            await form.getByLabel('Name').fill('Bea Member');
            await form.getByLabel('Email').fill(email);
            await form.getByLabel('Password (at least 8 characters)').fill('another long one');
            await form.getByRole('button', { name: 'Add user' }).click();
          };
          await add('bea@example.com');
          await form.getByRole('status').filter({ hasText: 'can now sign in' }).waitFor();
          const users = page.getByRole('table', { name: 'Users' });
          await users
            .getByRole('row')
            .filter({ hasText: 'bea@example.com' })
            .getByRole('cell', { name: 'Member', exact: true })
            .waitFor();
          await add('bea@example.com');
          const alert = form.getByRole('alert');
          await alert.waitFor();
          assert.match((await alert.textContent()) ?? '', /\w/);
        },
      ],
    ]);
  });
});
