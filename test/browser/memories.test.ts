import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserForSuite, signInAdmin, steps, uploadThroughApi } from '../helpers/browser.js';

const PHOTOS = ['jpeg-exif/IMG_0308.JPG', 'jpeg-exif/PA250004.JPG', 'jpeg-exif/EPSN0002.JPG'];

/** Today's month and day (the server runs here, in this time zone) in `yearsAgo`'s year. */
function todayIn(yearsAgo: number, time: string): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  let year = now.getFullYear() - yearsAgo;
  const monthDay = `${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  // 29 February: the nearest earlier leap year (the server shows it on that day).
  while (monthDay === '02-29' && new Date(year, 1, 29).getMonth() !== 1) year -= 1;
  return `${year}-${monthDay}T${time}+00:00`;
}

describe('web app: on this day', () => {
  const browser = browserForSuite('memories');

  it('shows memory cards above the timeline; a card opens its story, which steps and closes', async () => {
    const b = browser();
    const { page } = b;
    const cards = page.getByRole('region', { name: 'On this day' });
    const story = page.getByRole('dialog', { name: /^Memories, / });

    await steps(b, [
      [
        'an admin with photos taken on this day in earlier years',
        async () => {
          await signInAdmin(b);
          const [a, c, d] = (await uploadThroughApi(b, PHOTOS)).map((p) => p.id);
          // Two moments of last year (hours apart: both kept), one of three years ago.
          const dates: [string, string][] = [
            [a!, todayIn(1, '09:00:00')],
            [c!, todayIn(1, '15:00:00')],
            [d!, todayIn(3, '12:00:00')],
          ];
          for (const [id, takenAt] of dates) {
            const res = await page.request.patch(`${b.baseUrl}/api/assets/${id}`, {
              data: { takenAt },
            });
            assert.ok(res.ok(), `PATCH takenAt answered ${res.status()}`);
          }
        },
      ],
      [
        'the timeline opens with a card per year, newest first, above the photos',
        async () => {
          await page.goto(b.baseUrl);
          await cards.waitFor();
          const labels = await cards.getByRole('button').allTextContents();
          assert.deepEqual(
            labels.map((l) => l.trim()),
            ['1 year ago', '3 years ago'],
          );
          await page.locator('[data-tile]').first().waitFor();
          const cardsBox = await cards.boundingBox();
          const tileBox = await page.locator('[data-tile]').first().boundingBox();
          assert.ok(cardsBox && tileBox && cardsBox.y + cardsBox.height <= tileBox.y + 1);
        },
      ],
      [
        'a card opens its year full screen, on its first photo',
        async () => {
          await cards.getByRole('button', { name: '1 year ago' }).click();
          await story.waitFor();
          assert.equal(await story.getAttribute('aria-label'), 'Memories, 1 year ago');
          await story.getByRole('img', { name: 'Photo 1 of 2' }).waitFor();
        },
      ],
      [
        'the story moves on to the next photo by itself',
        async () => {
          // Each photo shows for five seconds.
          await story.getByRole('img', { name: 'Photo 2 of 2' }).waitFor({ timeout: 15_000 });
        },
      ],
      [
        'the left arrow steps back, and stepping past the last photo closes it',
        async () => {
          await page.keyboard.press('ArrowLeft');
          await story.getByRole('img', { name: 'Photo 1 of 2' }).waitFor();
          await page.keyboard.press('ArrowRight');
          await story.getByRole('img', { name: 'Photo 2 of 2' }).waitFor();
          await page.keyboard.press('ArrowRight');
          await story.waitFor({ state: 'detached' });
          await cards.waitFor();
        },
      ],
      [
        'the other year opens on its one photo, and the close button closes it',
        async () => {
          await cards.getByRole('button', { name: '3 years ago' }).click();
          await story.getByRole('img', { name: 'Photo 1 of 1' }).waitFor();
          await story.getByRole('button', { name: 'Close' }).click();
          await story.waitFor({ state: 'detached' });
        },
      ],
    ]);
  });
});
