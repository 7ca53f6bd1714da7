import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import {
  browserForSuite,
  getAsset,
  signInAdmin,
  steps,
  uploadThroughApi,
} from '../helpers/browser.js';

// A video cut short before its index (the first 4 KB of a corpus clip, whose `moov` comes last):
// it fails in the metadata step ("The video could not be read"), so no thumbnail is to come.
const FAILING = 'video/Android with-gps.mp4';
// A fine photo, kept processing: this server makes no thumbnails (their queue runs no worker).
const PROCESSING = 'jpeg-exif/DSCN0137.JPG';

describe('web app: tiles of failed assets and of assets still processing', () => {
  const browser = browserForSuite('tile-status', {
    env: { KEEPSAKE_CONCURRENCY_THUMBNAILS: '0' },
  });

  it('marks the failed one, shows a placeholder for the other, and asks for no thumbnail', async () => {
    const b = browser();
    const { page } = b;
    const ids = { failed: '', processing: '' };
    const missing: string[] = [];
    const thumbnailsAsked: string[] = [];
    page.on('response', (response) => {
      const { pathname } = new URL(response.url());
      if (response.status() === 404) missing.push(pathname);
      if (/^\/api\/assets\/[^/]+\/thumbnail$/.test(pathname)) thumbnailsAsked.push(pathname);
    });
    const tile = (id: string) =>
      page.locator('.tile').filter({ has: page.locator(`[data-tile="${id}"]`) });

    await steps(b, [
      [
        'one upload fails, the other stays processing',
        async () => {
          await signInAdmin(b);
          for (const [key, file, type] of [
            ['failed', FAILING, 'video/mp4'],
            ['processing', PROCESSING, 'image/jpeg'],
          ] as const) {
            const bytes = await readFile(corpusPath(file));
            const upload = await page.request.post(`${b.baseUrl}/api/assets`, {
              multipart: {
                file: {
                  name: key === 'failed' ? 'cut-short.mp4' : basename(file),
                  mimeType: type,
                  buffer: key === 'failed' ? bytes.subarray(0, 4096) : bytes,
                },
              },
            });
            assert.equal(upload.status(), 201, await upload.text());
            ids[key] = ((await upload.json()) as { id: string }).id;
          }
          for (let tries = 0; ; tries++) {
            const asset = await getAsset<{ status: string }>(b, ids.failed);
            if (asset.status === 'failed') break;
            assert.ok(tries < 300, `the broken file failed (${asset.status})`);
            await page.waitForTimeout(100);
          }
          const processing = await getAsset<{ status: string }>(b, ids.processing);
          assert.equal(processing.status, 'processing');
        },
      ],
      [
        'the timeline marks the failed tile and shows a placeholder for the processing one',
        async () => {
          await page.goto(b.baseUrl);
          for (const id of Object.values(ids)) {
            await page.locator(`[data-tile="${id}"]`).scrollIntoViewIfNeeded();
            assert.equal(await tile(id).locator('img').count(), 0, 'no thumbnail image');
          }
          await tile(ids.failed).locator('.tile-failed svg').waitFor();
          await tile(ids.processing).locator('.tile-processing').waitFor();
          assert.match(
            (await page.locator(`[data-tile="${ids.failed}"]`).getAttribute('aria-label')) ?? '',
            /could not be processed$/,
          );
        },
      ],
      [
        'no thumbnail is asked for, through a refresh of the grid and a second visit',
        async () => {
          // The grid fetches its months again every few seconds while something is processing.
          await page.waitForTimeout(6000);
          await page.reload();
          await page.locator(`[data-tile="${ids.failed}"]`).waitFor();
          await page.waitForTimeout(1000);
          assert.deepEqual(missing, [], 'no 404');
          assert.deepEqual(thumbnailsAsked, [], 'no thumbnail requested');
        },
      ],
      [
        'the viewer shows that it failed, and why, in a sentence',
        async () => {
          await page.locator(`[data-tile="${ids.failed}"]`).click();
          const alert = page.getByRole('dialog', { name: 'Photo viewer' }).getByRole('alert');
          await alert.getByRole('heading', { name: 'This file could not be processed' }).waitFor();
          const reason = (await alert.locator('p').textContent()) ?? '';
          assert.match(reason, /^The video could not be read\b.*\.$/);
          assert.doesNotMatch(reason, /\/|\n|ffmpeg|ffprobe/i, reason);
          await alert.getByRole('link', { name: 'Download original' }).waitFor();
        },
      ],
      [
        'an album whose cover is the failed asset asks for no thumbnail either',
        async () => {
          const album = await page.request.post(`${b.baseUrl}/api/albums`, {
            data: { name: 'Broken cover' },
          });
          const { id } = (await album.json()) as { id: string };
          const added = await page.request.put(`${b.baseUrl}/api/albums/${id}/assets`, {
            data: { ids: [ids.failed] },
          });
          assert.ok(added.ok(), `adding answered ${added.status()}`);
          await page.goto(`${b.baseUrl}/albums`);
          await page.getByText('Broken cover').waitFor();
          await page.waitForTimeout(1000);
          assert.deepEqual(missing, [], 'no 404');
          assert.deepEqual(thumbnailsAsked, [], 'no thumbnail requested');
        },
      ],
    ]);
  });
});

describe('web app: a tile whose asset finishes processing while shown', () => {
  const browser = browserForSuite('tile-status-refresh');

  it('gets its thumbnail without a reload', async () => {
    const b = browser();
    const { page } = b;
    let id = '';
    await steps(b, [
      [
        'a photo, which the first timeline answer says is still processing',
        async () => {
          await signInAdmin(b);
          id = (await uploadThroughApi(b, [PROCESSING]))[0]!.id;
          // Processing is quicker than a page load here: the first month page is answered as
          // it was a moment after the upload, later ones as they are.
          let first = true;
          await page.route('**/api/timeline/buckets/*?*', async (route) => {
            const response = await route.fetch();
            if (!first) return route.fulfill({ response });
            first = false;
            const month = (await response.json()) as {
              assets: { id: string; status: string; thumbnailVersion: string | null }[];
            };
            for (const asset of month.assets)
              if (asset.id === id)
                Object.assign(asset, { status: 'processing', thumbnailVersion: null });
            return route.fulfill({ response, json: month });
          });
        },
      ],
      [
        'the placeholder, then the thumbnail once the grid has asked again',
        async () => {
          await page.goto(b.baseUrl);
          const tile = page.locator('.tile').filter({ has: page.locator(`[data-tile="${id}"]`) });
          await tile.locator('.tile-processing').waitFor();
          assert.equal(await tile.locator('img').count(), 0);
          await tile.locator('img.loaded').waitFor({ timeout: 15_000 });
          assert.equal(await tile.locator('.tile-processing').count(), 0);
        },
      ],
    ]);
  });
});
