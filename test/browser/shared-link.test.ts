import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import {
  CHROMIUM,
  signInAdmin,
  startBrowser,
  steps,
  uploadThroughApi,
  uploadVideoThroughApi,
  type BrowserHarness,
} from '../helpers/browser.js';
import { ADMIN } from '../helpers/test-app.js';
import { generateVideo } from '../helpers/video-files.js';

const PHOTOS = ['jpeg-exif/IMG_0308.JPG', 'jpeg-exif/PA250004.JPG'];
const PASSWORD = 'correct horse';

describe('web app: shared link', () => {
  let b: BrowserHarness;
  let guestBrowser: Browser;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keepsake-browser-link-'));
    // A 12 s clip is long enough for an HLS set.
    b = await startBrowser('shared-link', { env: { KEEPSAKE_HLS_MIN_SECONDS: '5' } });
    guestBrowser = await chromium.launch(CHROMIUM);
  });
  after(async () => {
    await guestBrowser.close();
    await b.close();
    await rm(dir, { recursive: true, force: true });
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
        'after its dialog closed, the Sharing page copies the same address again',
        async () => {
          await b.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
            origin: b.baseUrl,
          });
          await page.goto(`${b.baseUrl}/sharing`);
          const links = page.getByRole('list', { name: 'Shared links' });
          await links.getByRole('button', { name: 'Copy link' }).click();
          await links.getByText('Copied').waitFor();
          assert.equal(await page.evaluate(() => navigator.clipboard.readText()), address);
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

  it('a long video plays from its HLS set through a link with a password', async () => {
    const { page, baseUrl } = b;
    let key = '';
    const fetched: URL[] = [];
    const guestContext = await guestBrowser.newContext();
    const guest = await guestContext.newPage();
    guest.on('request', (request) => fetched.push(new URL(request.url())));
    const guestErrors: string[] = [];
    guest.on('pageerror', (error) => guestErrors.push(error.message));

    await steps(b, [
      [
        'a long video of the admin, shared by a link with a password',
        async () => {
          // Signed in by the test above when it ran; else here.
          await page.request.post(`${baseUrl}/api/auth/setup`, { data: ADMIN });
          await page.request.post(`${baseUrl}/api/auth/login`, {
            data: { email: ADMIN.email, password: ADMIN.password },
          });
          const file = await generateVideo(join(dir, 'long.mp4'), {
            seconds: 12,
            width: 160,
            height: 120,
          });
          const id = await uploadVideoThroughApi(b, file);
          for (let tries = 0; ; tries++) {
            const asset = (await (
              await page.request.get(`${baseUrl}/api/assets/${id}`)
            ).json()) as {
              playback: { status: string; hls: boolean } | null;
            };
            if (asset.playback && asset.playback.status !== 'pending') {
              assert.equal(asset.playback.hls, true);
              break;
            }
            assert.ok(tries < 1200, 'the playback step finished');
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          const link = await page.request.post(`${baseUrl}/api/shared-links`, {
            data: { assetIds: [id], password: PASSWORD },
          });
          assert.equal(link.status(), 201, await link.text());
          key = ((await link.json()) as { key: string }).key;
        },
      ],
      [
        'signed out, the guest opens it and the video plays from playlists and segments',
        async () => {
          await guest.goto(`${baseUrl}/s/${key}`);
          await guest.getByLabel('Password').fill(PASSWORD);
          await guest.getByRole('button', { name: 'Open' }).click();
          await guest.locator('.public-tile').click();
          await guest.waitForFunction(
            () => {
              const video = document.querySelector<HTMLVideoElement>('.public-viewer video');
              return !!video && video.readyState >= 2 && video.videoWidth > 0;
            },
            undefined,
            { timeout: 30_000 },
          );
          const hls = fetched.filter((url) => url.pathname.includes('/hls/'));
          const names = hls.map((url) => url.pathname.split('/').pop());
          assert.ok(names.includes('index.m3u8'), names.join(' '));
          assert.ok(
            names.some((name) => name?.endsWith('.ts')),
            `a segment was fetched: ${names.join(' ')}`,
          );
          for (const url of hls) assert.ok(url.searchParams.get('token'), url.pathname);
          assert.ok(!fetched.some((url) => url.pathname.endsWith('/video')), 'not the whole file');
        },
      ],
    ]);
    await guestContext.close();
    assert.deepEqual(guestErrors, []);
  });
});
