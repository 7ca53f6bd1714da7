import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import {
  CHROMIUM,
  signInAdmin,
  startBrowser,
  steps,
  uploadThroughApi,
  type BrowserHarness,
} from '../helpers/browser.js';

const PHOTOS = ['jpeg-exif/IMG_0308.JPG', 'jpeg-exif/PA250004.JPG'];
const PASSWORD = 'correct horse';

describe('web app: shared link', () => {
  let b: BrowserHarness;
  let guestBrowser: Browser;
  before(async () => {
    b = await startBrowser('shared-link');
    guestBrowser = await chromium.launch(CHROMIUM);
  });
  after(async () => {
    await guestBrowser.close();
    await b.close();
  });

  it('a link with a password, made in the app, opens signed out on a phone', async () => {
    const { page } = b;
    let shared = '';
    let address = '';
    const bar = page.getByRole('toolbar', { name: 'Selected items' });
    // A fresh context: no session cookie, nothing of the owner's browser.
    const guestContext = await guestBrowser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const guest = await guestContext.newPage();
    const guestErrors: string[] = [];
    guest.on('pageerror', (error) => guestErrors.push(error.message));

    await steps(b, [
      [
        'an admin with two photos',
        async () => {
          await signInAdmin(b);
          shared = (await uploadThroughApi(b, PHOTOS))[0]!.id;
        },
      ],
      [
        'one photo selected, Share link makes a link with a password',
        async () => {
          await page.goto(b.baseUrl);
          await page.locator(`.tile:has([data-tile="${shared}"]) .tile-check`).click();
          await bar.getByRole('button', { name: 'Share link' }).click();
          const dialog = page.getByRole('dialog', { name: 'Share link' });
          await dialog.getByLabel('Password (optional)').fill(PASSWORD);
          await dialog.getByRole('button', { name: 'Create link' }).click();
          address = await dialog.getByLabel('Link address').inputValue();
          assert.match(address, /\/s\/[A-Za-z0-9_-]{43}$/);
          await dialog.getByRole('button', { name: 'Done' }).click();
        },
      ],
      [
        'signed out, the page asks for the password, then shows the photo',
        async () => {
          await guest.goto(address);
          await guest.getByRole('heading', { name: 'This link has a password' }).waitFor();
          await guest.getByLabel('Password').fill('wrong one');
          await guest.getByRole('button', { name: 'Open' }).click();
          await guest.getByText('That password is not right.').waitFor();
          await guest.getByLabel('Password').fill(PASSWORD);
          await guest.getByRole('button', { name: 'Open' }).click();
          await guest.getByRole('heading', { name: 'Shared photos' }).waitFor();
          assert.equal(await guest.locator('.public-tile').count(), 1);
          await guest.waitForFunction(
            () => document.querySelector<HTMLImageElement>('.public-tile img')?.naturalWidth,
          );
        },
      ],
      [
        'tapped, the photo opens in the viewer',
        async () => {
          await guest.locator('.public-tile').tap();
          await guest.getByRole('dialog').waitFor();
          await guest.waitForFunction(
            () => document.querySelector<HTMLImageElement>('.public-viewer img')?.naturalWidth,
          );
          await guest.getByRole('button', { name: 'Close' }).tap();
        },
      ],
      [
        'revoked on the Sharing page, the link shows that it no longer works',
        async () => {
          await page.goto(`${b.baseUrl}/sharing`);
          const links = page.getByRole('list', { name: 'Shared links' });
          await links.getByText('1 selected photo').waitFor();
          await links.getByRole('button', { name: 'Revoke' }).click();
          await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
          await links.getByText(/revoked/).waitFor();
          await guest.reload();
          await guest.getByRole('heading', { name: 'This link no longer works' }).waitFor();
        },
      ],
    ]);
    await guestContext.close();
    assert.deepEqual(guestErrors, []);
  });
});
