import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserForSuite, signInAdmin, steps, uploadThroughApi } from '../helpers/browser.js';

// Three dated camera photos; the camera model of each is what the info panel must show.
const PHOTOS = [
  'jpeg-exif/Casio EX-Z3.jpg',
  'jpeg-exif/Olympus PEN E-P3.jpg',
  'gps/Apple iPhone 4.jpg',
];

interface Uploaded {
  id: string;
  takenAt: string;
  model: string | null;
  isFavorite: boolean;
}

describe('web app: the full-screen viewer', () => {
  const browser = browserForSuite('viewer');

  it('steps with the keyboard, shows the info, favorites and closes on Escape', async () => {
    const b = browser();
    const { page } = b;
    const asset = async (id: string): Promise<Uploaded> =>
      (await page.request.get(`${b.baseUrl}/api/assets/${id}`)).json() as Promise<Uploaded>;
    const viewedId = () => new URL(page.url()).searchParams.get('view');
    const dialog = page.getByRole('dialog', { name: 'Photo viewer' });
    // The timeline's order: newest first.
    let order: Uploaded[] = [];

    await steps(b, [
      [
        'an admin with three photos',
        async () => {
          await signInAdmin(b);
          const ids = (await uploadThroughApi(b, PHOTOS)).map((a) => a.id);
          order = (await Promise.all(ids.map(asset))).sort(
            (x, y) => Date.parse(y.takenAt) - Date.parse(x.takenAt) || y.id.localeCompare(x.id),
          );
          assert.ok(
            order.every((a) => a.model),
            'every fixture names its camera',
          );
        },
      ],
      [
        'the viewer opens from the URL with the photo',
        async () => {
          await page.goto(`${b.baseUrl}/?view=${order[1]!.id}`);
          await dialog.waitFor();
          await dialog.getByRole('img', { name: /^Photo from / }).waitFor();
          assert.equal(viewedId(), order[1]!.id);
        },
      ],
      [
        'the right arrow shows the next (older) photo, the left arrow the previous',
        async () => {
          await page.keyboard.press('ArrowRight');
          await page.waitForURL((url) => url.searchParams.get('view') === order[2]!.id);
          await page.keyboard.press('ArrowLeft');
          await page.waitForURL((url) => url.searchParams.get('view') === order[1]!.id);
          await page.keyboard.press('ArrowLeft');
          await page.waitForURL((url) => url.searchParams.get('view') === order[0]!.id);
          // At the newest photo there is nothing before it.
          await dialog.getByRole('button', { name: 'Previous' }).waitFor({ state: 'hidden' });
        },
      ],
      [
        'the info panel names the camera',
        async () => {
          await page.keyboard.press('i');
          const info = dialog.getByRole('complementary', { name: 'Info' });
          await info.waitFor();
          await info.getByText(order[0]!.model!, { exact: false }).first().waitFor();
          await info.getByText(order[0]!.takenAt.slice(0, 4), { exact: false }).first().waitFor();
        },
      ],
      [
        'favorite with the key, and the server keeps it',
        async () => {
          const favorite = dialog.getByRole('button', { name: 'Favorite' });
          assert.equal(await favorite.getAttribute('aria-pressed'), 'false');
          await page.keyboard.press('f');
          for (let tries = 0; (await favorite.getAttribute('aria-pressed')) !== 'true'; tries++) {
            assert.ok(tries < 50, 'the button shows the favorite');
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          for (let tries = 0; !(await asset(order[0]!.id)).isFavorite; tries++) {
            assert.ok(tries < 50, 'the favorite reached the server');
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        },
      ],
      [
        'Escape closes the viewer',
        async () => {
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });
          assert.equal(viewedId(), null);
        },
      ],
    ]);
  });
});
