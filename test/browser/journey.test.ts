import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { startBrowser, steps, type BrowserHarness } from '../helpers/browser.js';
import { corpusPath } from '../helpers/corpus.js';
import { ADMIN } from '../helpers/test-app.js';

// Dated camera photos from four different months.
const PHOTOS = [
  'jpeg-exif/IMG_0308.JPG',
  'jpeg-exif/PA250004.JPG',
  'jpeg-exif/EPSN0002.JPG',
  'jpeg-exif/el_torcal_rocks.jpg',
];

interface Asset {
  id: string;
  takenAt: string;
  isFavorite: boolean;
  isTrashed: boolean;
}

/** A finger on the screen, through Chromium's own touch input (real touch and pointer events). */
async function touch(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  const send = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
    });
  return {
    async swipe(x: number, y: number, dx: number, dy: number) {
      await send('touchStart', x, y);
      for (let i = 1; i <= 6; i++) {
        await send('touchMove', x + (dx * i) / 6, y + (dy * i) / 6);
        await page.waitForTimeout(16);
      }
      // The finger rests before it lifts: a flick would start a fling, during which Chromium
      // takes the next tap as "stop" rather than a click, as phones do.
      await page.waitForTimeout(150);
      await send('touchEnd', x + dx, y + dy);
    },
    async longPress(x: number, y: number) {
      await send('touchStart', x, y);
      await page.waitForTimeout(800);
      await send('touchEnd', x, y);
    },
  };
}

/**
 * The whole first-use path of the issue, on a laptop with mouse and keyboard or on a phone with
 * touch: setup → upload through the page → photos under their months → viewer, stepping →
 * favorite → delete → restore from the trash → sign out.
 */
async function journey(b: BrowserHarness, phone: boolean): Promise<void> {
  const { page } = b;
  const finger = await touch(page);
  const api = async <T>(path: string) =>
    (await (await page.request.get(`${b.baseUrl}${path}`)).json()) as T;
  const dialog = page.getByRole('dialog', { name: 'Photo viewer' });
  const viewed = () => new URL(page.url()).searchParams.get('view');
  const press = async (locator: ReturnType<Page['locator']>) =>
    phone ? locator.tap() : locator.click();
  let order: Asset[] = [];

  await steps(b, [
    [
      'first run: the admin account is created on the setup page',
      async () => {
        await page.goto(b.baseUrl);
        await page.getByLabel('Your name').fill(ADMIN.name);
        await page.getByLabel('Email').fill(ADMIN.email);
        await page.getByLabel('Password (at least 8 characters)').fill(ADMIN.password);
        await page.getByLabel('Password again').fill(ADMIN.password);
        await press(page.getByRole('button', { name: 'Create account' }));
        await page.getByRole('heading', { name: 'No photos yet' }).waitFor();
      },
    ],
    [
      'photos picked through the page upload, process and are ready',
      async () => {
        await page.getByTestId('upload-input').setInputFiles(PHOTOS.map(corpusPath));
        const panel = page.getByRole('region', { name: 'Uploads' });
        await panel
          .getByRole('status')
          .filter({ hasText: `${PHOTOS.length} items added` })
          .waitFor({ timeout: 60_000 });
        const { assets } = await api<{ assets: Asset[] }>('/api/assets?limit=50');
        assert.equal(assets.length, PHOTOS.length);
        order = assets.sort((x, y) => y.takenAt.localeCompare(x.takenAt));
        await press(panel.getByRole('button', { name: 'Close uploads' }));
      },
    ],
    [
      'each photo is on the timeline under its month, newest first',
      async () => {
        for (const asset of order) await page.locator(`[data-tile="${asset.id}"]`).waitFor();
        const headings = await page.locator('.grid-month').allTextContents();
        const expected = order.map((a) =>
          new Date(`${a.takenAt.slice(0, 7)}-15T00:00:00Z`).toLocaleDateString('en-US', {
            month: 'long',
            year: 'numeric',
            timeZone: 'UTC',
          }),
        );
        assert.deepEqual(headings, [...new Set(expected)]);
        const tiles = await page
          .locator('[data-tile]')
          .evaluateAll((links) => links.map((l) => l.getAttribute('data-tile')));
        assert.deepEqual(
          tiles,
          order.map((a) => a.id),
          'newest first',
        );
      },
    ],
    [
      phone ? 'a tap opens the viewer; swipes step through' : 'a click opens the viewer; keys step',
      async () => {
        await press(page.locator(`[data-tile="${order[0]!.id}"]`));
        await page.locator('[role="dialog"][aria-label="Photo viewer"]:not([aria-busy])').waitFor();
        assert.equal(viewed(), order[0]!.id);
        if (phone) {
          const stage = page.locator('.viewer-stage');
          await stage.waitFor();
          const box = (await stage.boundingBox())!;
          const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
          await finger.swipe(x, y, -200, 0);
          await page.waitForURL((url) => url.searchParams.get('view') === order[1]!.id);
          await finger.swipe(x, y, -200, 0);
          await page.waitForURL((url) => url.searchParams.get('view') === order[2]!.id);
          await finger.swipe(x, y, 200, 0);
        } else {
          await page.keyboard.press('ArrowRight');
          await page.waitForURL((url) => url.searchParams.get('view') === order[1]!.id);
          await page.keyboard.press('ArrowRight');
          await page.waitForURL((url) => url.searchParams.get('view') === order[2]!.id);
          await page.keyboard.press('ArrowLeft');
        }
        await page.waitForURL((url) => url.searchParams.get('view') === order[1]!.id);
        // Settled: the photo shown is that one, loaded.
        await page.waitForFunction(
          (id) =>
            [...document.querySelectorAll('img.viewer-photo')].some(
              (img) => img.getAttribute('src')?.includes(id) && img.complete,
            ),
          order[1]!.id,
        );
      },
    ],
    [
      'favorite in the viewer, kept by the server',
      async () => {
        await press(dialog.getByRole('button', { name: 'Favorite' }));
        for (
          let tries = 0;
          !(await api<Asset>(`/api/assets/${order[1]!.id}`)).isFavorite;
          tries++
        ) {
          assert.ok(tries < 50, 'the favorite reached the server');
          await page.waitForTimeout(100);
        }
      },
    ],
    [
      'delete from the viewer: the photo goes to the trash and leaves the timeline',
      async () => {
        await press(dialog.getByRole('button', { name: 'Move to trash' }));
        await dialog.getByText('Moved to the trash').waitFor();
        await page.keyboard.press('Escape').catch(() => undefined);
        if (await dialog.isVisible()) await press(dialog.getByRole('button', { name: 'Close' }));
        await dialog.waitFor({ state: 'detached' });
        assert.ok((await api<Asset>(`/api/assets/${order[1]!.id}`)).isTrashed);
        await page.locator(`[data-tile="${order[1]!.id}"]`).waitFor({ state: 'detached' });
      },
    ],
    [
      'restored from the Trash page, it is back on the timeline',
      async () => {
        // On a phone, the Trash is under the bottom bar's "More".
        if (phone) await press(page.getByRole('button', { name: 'More' }));
        await press(page.getByRole('link', { name: 'Trash' }));
        const trashed = page.locator(`[data-tile="${order[1]!.id}"]`);
        await trashed.waitFor();
        if (phone) {
          const box = (await trashed.boundingBox())!;
          await finger.longPress(box.x + box.width / 2, box.y + box.height / 2);
        } else {
          await page.locator(`.tile:has([data-tile="${order[1]!.id}"]) .tile-check`).click();
        }
        const bar = page.getByRole('toolbar', { name: 'Selected items' });
        await bar.getByText('1 selected').waitFor();
        await press(bar.getByRole('button', { name: 'Restore' }));
        await page.getByRole('heading', { name: 'The trash is empty' }).waitFor();
        await press(page.getByRole('link', { name: 'Photos' }));
        await page.locator(`[data-tile="${order[1]!.id}"]`).waitFor();
        assert.equal((await api<Asset>(`/api/assets/${order[1]!.id}`)).isTrashed, false);
      },
    ],
    [
      'sign out',
      async () => {
        await press(page.getByRole('button', { name: 'Sign out' }));
        await page.getByRole('heading', { name: 'Sign in to Keepsake' }).waitFor();
        assert.equal((await page.request.get(`${b.baseUrl}/api/users/me`)).status(), 401);
      },
    ],
  ]);
}

describe('web app: the first-use journey', () => {
  const harnesses: BrowserHarness[] = [];
  after(async () => {
    for (const b of harnesses) await b.close();
  });

  it('on a laptop, with mouse and keyboard', async () => {
    const b = await startBrowser('journey-desktop');
    harnesses.push(b);
    await journey(b, false);
  });

  it('on a phone, with touch', async () => {
    const b = await startBrowser('journey-phone', { phone: true });
    harnesses.push(b);
    await journey(b, true);
  });
});
