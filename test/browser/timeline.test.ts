import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import {
  browserForSuite,
  signInAdmin,
  startBrowser,
  steps,
  uploadThroughApi,
} from '../helpers/browser.js';

// Small dated camera photos from different months and years.
const PHOTOS = [
  'jpeg-exif/IMG_0308.JPG',
  'jpeg-exif/PA250004.JPG',
  'jpeg-exif/EPSN0002.JPG',
  'jpeg-exif/POL_0132.JPG',
  'jpeg-exif/cyclamen_persicum.jpg',
  'jpeg-exif/el_torcal_rocks.jpg',
];

interface Uploaded {
  id: string;
  takenAt: string;
  status: string;
}

/** Each tile's month heading, and the headings in order, scrolling down the whole grid. */
async function tilesByMonth(
  page: Page,
): Promise<{ months: string[]; monthOf: Map<string, string> }> {
  const seen = await page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('.grid-scroll')!;
    const months: string[] = [];
    const monthOf: [string, string][] = [];
    for (let top = 0; ; top += scroller.clientHeight / 2) {
      scroller.scrollTop = top;
      await new Promise((resolve) => setTimeout(resolve, 300));
      const headings = [...document.querySelectorAll<HTMLElement>('.grid-month')]
        .map((h) => ({ label: h.textContent!, y: h.getBoundingClientRect().top }))
        .sort((a, b) => a.y - b.y);
      for (const h of headings) if (!months.includes(h.label)) months.push(h.label);
      for (const link of document.querySelectorAll<HTMLElement>('[data-tile]')) {
        const y = link.getBoundingClientRect().top;
        const above = headings.filter((h) => h.y < y).at(-1);
        if (above) monthOf.push([link.dataset.tile!, above.label]);
      }
      if (top + scroller.clientHeight >= scroller.scrollHeight) break;
    }
    scroller.scrollTop = 0;
    return { months, monthOf };
  });
  return { months: seen.months, monthOf: new Map(seen.monthOf) };
}

describe('web app: timeline, selection, favorites and trash', () => {
  const browser = browserForSuite('timeline');

  it('shows photos by month, newest first; selects, favorites, trashes and restores', async () => {
    const b = browser();
    const { page } = b;
    let order: Uploaded[] = [];
    const tile = (a: Uploaded) => page.locator(`[data-tile="${a.id}"]`);
    const check = (a: Uploaded) => page.locator(`.tile:has([data-tile="${a.id}"]) .tile-check`);
    const bar = page.getByRole('toolbar', { name: 'Selected items' });

    await steps(b, [
      [
        'an admin with six photos',
        async () => {
          await signInAdmin(b);
          order = ((await uploadThroughApi(b, PHOTOS)) as unknown as Uploaded[]).sort((x, y) =>
            y.takenAt.localeCompare(x.takenAt),
          );
          const months = new Set(order.map((a) => a.takenAt.slice(0, 7)));
          assert.ok(months.size >= 4, `the photos span several months: ${[...months]}`);
        },
      ],
      [
        'the timeline shows each photo under its month, newest month first',
        async () => {
          await page.goto(b.baseUrl);
          await tile(order[0]!).waitFor();
          const expected = await page.evaluate(
            (months) =>
              months.map((m) =>
                new Intl.DateTimeFormat(undefined, {
                  month: 'long',
                  year: 'numeric',
                  timeZone: 'UTC',
                }).format(new Date(`${m}-01T00:00:00Z`)),
              ),
            order.map((a) => a.takenAt.slice(0, 7)),
          );
          const { months, monthOf } = await tilesByMonth(page);
          assert.deepEqual(months, [...new Set(expected)]);
          order.forEach((a, i) => assert.equal(monthOf.get(a.id), expected[i], a.takenAt));
        },
      ],
      [
        'a click on the check circle and a shift-click select two',
        async () => {
          await check(order[0]!).click();
          await bar.getByText('1 selected').waitFor();
          await tile(order[1]!).click({ modifiers: ['Shift'] });
          await bar.getByText('2 selected').waitFor();
          assert.equal(await check(order[1]!).getAttribute('aria-checked'), 'true');
          assert.equal(new URL(page.url()).searchParams.get('view'), null, 'no viewer opened');
        },
      ],
      [
        'favorited, they are on the Favorites page',
        async () => {
          await bar.getByRole('button', { name: 'Favorite' }).click();
          await page
            .getByRole('status')
            .filter({ hasText: '2 items added to favorites' })
            .waitFor();
          await bar.waitFor({ state: 'detached' });
          await page.getByRole('link', { name: 'Favorites' }).click();
          await page.getByRole('heading', { name: 'Favorites', level: 1 }).waitFor();
          await tile(order[0]!).waitFor();
          await tile(order[1]!).waitFor();
          assert.equal(await page.locator('[data-tile]').count(), 2);
        },
      ],
      [
        'moved to the trash, a photo leaves the timeline and is in the Trash',
        async () => {
          await page.getByRole('link', { name: 'Photos' }).click();
          await check(order[2]!).click();
          await bar.getByRole('button', { name: 'Move to trash' }).click();
          await tile(order[2]!).waitFor({ state: 'detached' });
          await page.getByRole('link', { name: 'Trash' }).click();
          await page.getByText('deleted for good after 30 days').waitFor();
          await tile(order[2]!).waitFor();
        },
      ],
      [
        'restored from the trash, it is back in the timeline',
        async () => {
          await check(order[2]!).click();
          await bar.getByRole('button', { name: 'Restore' }).click();
          await page.getByRole('heading', { name: 'The trash is empty' }).waitFor();
          await page.getByRole('link', { name: 'Photos' }).click();
          await tile(order[2]!).waitFor();
        },
      ],
      [
        'Escape clears a selection; Enter opens the viewer, and closing it returns focus',
        async () => {
          await check(order[0]!).click();
          await bar.waitFor();
          await page.keyboard.press('Escape');
          await bar.waitFor({ state: 'detached' });
          await tile(order[0]!).focus();
          await page.keyboard.press('ArrowRight');
          const focused = () =>
            page.evaluate(() => document.activeElement?.getAttribute('data-tile'));
          assert.equal(await focused(), order[1]!.id);
          await page.keyboard.press('Enter');
          const dialog = page.getByRole('dialog', { name: 'Photo viewer' });
          // The viewer's own part loads lazily; its keys work once it is there.
          await page
            .locator('[role="dialog"][aria-label="Photo viewer"]:not([aria-busy])')
            .waitFor();
          assert.equal(new URL(page.url()).searchParams.get('view'), order[1]!.id);
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });
          assert.equal(new URL(page.url()).searchParams.get('view'), null);
          await page.waitForFunction(
            (id) => document.activeElement?.getAttribute('data-tile') === id,
            order[1]!.id,
          );
        },
      ],
    ]);
  });

  it('keeps the page small and steady through 50 months of 100,000 photos', async () => {
    // A library too big to upload in a test: the timeline API is answered in the browser.
    const b = browser();
    const page = await b.context.newPage();
    const months = Array.from({ length: 50 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 10 - i, 1));
      return d.toISOString().slice(0, 7);
    });
    const PER_MONTH = 2000;
    await page.route(/\/api\/timeline\/buckets$/, (route) =>
      route.fulfill({ json: months.map((bucket) => ({ bucket, count: PER_MONTH })) }),
    );
    await page.route(/\/api\/timeline\/buckets\/\d{4}-\d{2}\?/, (route) => {
      const bucket = new URL(route.request().url()).pathname.split('/').pop()!;
      const m = months.indexOf(bucket);
      const assets = Array.from({ length: PER_MONTH }, (_, i) => ({
        id: `00000000-0000-4000-8000-${String(m * PER_MONTH + i).padStart(12, '0')}`,
        takenAt: `${bucket}-${String(28 - Math.floor(i / 75)).padStart(2, '0')}T12:00:00`,
        aspectRatio: [1.5, 0.75, 1.33, 1][i % 4],
        thumbhash: null,
        thumbnailVersion: null,
        type: 'image',
        duration: null,
        isFavorite: false,
      }));
      return route.fulfill({ json: { bucket, assets, nextCursor: null } });
    });
    await page.route(/\/thumbnail\?/, (route) => route.fulfill({ status: 404, body: '' }));

    await steps(b, [
      [
        'every month is reached with the scrubber, each landing on its heading',
        async () => {
          await page.goto(b.baseUrl);
          await page.locator('[data-tile]').first().waitFor();
          const scrubber = page.getByRole('slider', { name: 'Jump to a month' });
          let most = 0;
          for (let i = 1; i < months.length; i++) {
            await scrubber.focus();
            await page.keyboard.press('ArrowDown');
            const label = await scrubber.getAttribute('aria-valuetext');
            // Wait for the month to load and the view to settle on it.
            await page.waitForFunction(
              (name) =>
                [...document.querySelectorAll('.grid-month')].some((h) => h.textContent === name) &&
                !document.querySelector(`[aria-label="Loading ${name}"]`),
              label,
            );
            await page.waitForTimeout(150);
            const state = await page.evaluate((name) => {
              const scroller = document.querySelector('.grid-scroll')!;
              const heading = [...document.querySelectorAll('.grid-month')].find(
                (h) => h.textContent === name,
              )!;
              return {
                nodes: document.querySelectorAll('*').length,
                offset: heading.getBoundingClientRect().top - scroller.getBoundingClientRect().top,
              };
            }, label);
            most = Math.max(most, state.nodes);
            assert.ok(
              Math.abs(state.offset) < 4,
              `${label} heading is ${state.offset}px off the top`,
            );
          }
          assert.equal(await scrubber.getAttribute('aria-valuenow'), String(months.length - 1));
          assert.ok(most < 2500, `the page holds at most ${most} elements`);
        },
      ],
    ]);
    await page.close();
  });

  it('on a phone: smaller rows, and a long press starts selecting', async () => {
    const phone = await startBrowser('timeline-phone', { phone: true });
    const { page } = phone;
    try {
      await steps(phone, [
        [
          'photos in smaller rows',
          async () => {
            await signInAdmin(phone);
            await uploadThroughApi(phone, PHOTOS.slice(0, 3));
            await page.goto(phone.baseUrl);
            await page.locator('[data-tile]').first().waitFor();
            const box = await page.locator('.tile').first().boundingBox();
            assert.ok(box && box.height <= 130, `a row is ${box?.height}px tall`);
            await page.getByRole('slider', { name: 'Jump to a month' }).waitFor();
          },
        ],
        [
          'a long press selects, then a tap selects another',
          async () => {
            const link = page.locator('[data-tile]').first();
            const box = (await link.boundingBox())!;
            const at = {
              clientX: box.x + 20,
              clientY: box.y + 20,
              pointerType: 'touch',
              isPrimary: true,
            };
            await link.dispatchEvent('pointerdown', at);
            await page.waitForTimeout(700);
            await link.dispatchEvent('pointerup', at);
            await link.dispatchEvent('click');
            const bar = page.getByRole('toolbar', { name: 'Selected items' });
            await bar.getByText('1 selected').waitFor();
            await page.locator('[data-tile]').nth(1).tap();
            await bar.getByText('2 selected').waitFor();
            assert.equal(new URL(page.url()).searchParams.get('view'), null);
          },
        ],
      ]);
    } finally {
      await phone.close();
    }
  });
});
