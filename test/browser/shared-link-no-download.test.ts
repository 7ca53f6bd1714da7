import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import {
  browserForSuite,
  CHROMIUM,
  signInAdmin,
  steps,
  uploadVideoThroughApi,
} from '../helpers/browser.js';
import { generateVideo } from '../helpers/video-files.js';

describe('web app: a video through a link without downloads', () => {
  const browser = browserForSuite('shared-link-no-download');
  let guestBrowser: Browser;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keepsake-browser-nodl-'));
    guestBrowser = await chromium.launch(CHROMIUM);
  });
  after(async () => {
    await guestBrowser.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows the poster and why, and never fetches the original as the video', async () => {
    const b = browser();
    const { page, baseUrl } = b;
    let key = '';
    const guestContext = await guestBrowser.newContext();
    const guest = await guestContext.newPage();
    const videoAnswers: number[] = [];
    guest.on('response', (response) => {
      if (new URL(response.url()).pathname.endsWith('/video')) videoAnswers.push(response.status());
    });
    const guestErrors: string[] = [];
    guest.on('pageerror', (error) => guestErrors.push(error.message));

    await steps(b, [
      [
        'a short H.264 video (it plays as it is), shared by a link without downloads',
        async () => {
          await signInAdmin(b);
          const file = await generateVideo(join(dir, 'short.mp4'), {
            seconds: 2,
            width: 160,
            height: 120,
          });
          const id = await uploadVideoThroughApi(b, file);
          for (let tries = 0; ; tries++) {
            const asset = (await (
              await page.request.get(`${baseUrl}/api/assets/${id}`)
            ).json()) as {
              status: string;
              playback: { status: string } | null;
            };
            if (asset.status === 'ready' && asset.playback && asset.playback.status !== 'pending') {
              assert.equal(asset.playback.status, 'original');
              break;
            }
            assert.ok(tries < 600, 'the playback step finished');
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          const link = await page.request.post(`${baseUrl}/api/shared-links`, {
            data: { assetIds: [id], allowDownload: false },
          });
          assert.equal(link.status(), 201, await link.text());
          key = ((await link.json()) as { key: string }).key;
        },
      ],
      [
        'the guest opens it: the poster, and a note instead of a player',
        async () => {
          await guest.goto(`${baseUrl}/s/${key}`);
          await guest.locator('.public-tile').click();
          const viewer = guest.getByRole('dialog');
          await viewer
            .getByRole('note')
            .filter({ hasText: 'this link does not allow downloads' })
            .waitFor();
          await guest.waitForFunction(
            () => document.querySelector<HTMLImageElement>('.public-viewer img')?.naturalWidth,
          );
          assert.equal(await viewer.locator('video').count(), 0);
          assert.equal(await viewer.getByRole('link', { name: 'Download' }).count(), 0);
          await guest.waitForTimeout(500);
          assert.deepEqual(videoAnswers, [], 'no request for the video file');
        },
      ],
    ]);
    await guestContext.close();
    assert.deepEqual(guestErrors, []);
  });
});
