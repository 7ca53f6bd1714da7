import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addUser,
  BOB,
  browserForSuite,
  signIn,
  signInAdmin,
  steps,
  uploadThroughApi,
} from '../helpers/browser.js';

const PHOTOS = ['jpeg-exif/IMG_0308.JPG', 'jpeg-exif/PA250004.JPG', 'jpeg-exif/EPSN0002.JPG'];

interface Uploaded {
  id: string;
  takenAt: string;
}

describe('web app: albums', () => {
  const browser = browserForSuite('albums');

  it('makes an album from a selection, shows it with its cover, opens it, removes a photo', async () => {
    const b = browser();
    const { page } = b;
    let order: Uploaded[] = [];
    const tile = (a: Uploaded) => page.locator(`[data-tile="${a.id}"]`);
    const check = (a: Uploaded) => page.locator(`.tile:has([data-tile="${a.id}"]) .tile-check`);
    const bar = page.getByRole('toolbar', { name: 'Selected items' });
    const card = page.locator('.album-card', { hasText: 'Holidays' });

    await steps(b, [
      [
        'an admin with three photos',
        async () => {
          await signInAdmin(b);
          order = ((await uploadThroughApi(b, PHOTOS)) as unknown as Uploaded[]).sort((x, y) =>
            y.takenAt.localeCompare(x.takenAt),
          );
        },
      ],
      [
        'two selected photos go to a new album through Add to album',
        async () => {
          await page.goto(b.baseUrl);
          await tile(order[0]!).waitFor();
          await check(order[0]!).click();
          await check(order[1]!).click();
          await bar.getByText('2 selected').waitFor();
          await bar.getByRole('button', { name: 'Add to album' }).click();
          const dialog = page.getByRole('dialog', { name: 'Add 2 items to an album' });
          await dialog.getByLabel('New album name').fill('Holidays');
          await dialog.getByRole('button', { name: 'Create and add' }).click();
          await page.getByRole('status').getByText('2 items added to Holidays.').waitFor();
        },
      ],
      [
        'the albums page shows it with its count and the newest photo as cover',
        async () => {
          await page.getByRole('navigation', { name: 'Main' }).getByText('Albums').click();
          await card.waitFor();
          await card.getByText('2 items').waitFor();
          const cover = card.locator('.album-cover img');
          assert.match((await cover.getAttribute('src')) ?? '', new RegExp(order[0]!.id));
          await page.waitForFunction(
            () => document.querySelector<HTMLImageElement>('.album-cover img')?.naturalWidth,
          );
        },
      ],
      [
        'opened, the album shows its two photos',
        async () => {
          await card.getByRole('link').click();
          await page.getByRole('heading', { name: 'Holidays' }).waitFor();
          assert.match(new URL(page.url()).pathname, /^\/albums\/[0-9a-f-]{36}$/);
          await tile(order[0]!).waitFor();
          await tile(order[1]!).waitFor();
          assert.equal(await tile(order[2]!).count(), 0, 'the third photo is not in it');
        },
      ],
      [
        'one photo removed from the album leaves it, and stays in the library',
        async () => {
          await check(order[1]!).click();
          await bar.getByRole('button', { name: 'Remove from album' }).click();
          await page.getByRole('status').getByText('1 item removed from the album.').waitFor();
          await tile(order[1]!).waitFor({ state: 'detached' });
          await page
            .locator('.album-header')
            .getByText(/^1 item ·/)
            .waitFor();
          const asset = await page.request.get(`${b.baseUrl}/api/assets/${order[1]!.id}`);
          assert.equal(((await asset.json()) as { isTrashed: boolean }).isTrashed, false);
        },
      ],
    ]);
  });

  it('shares an album with a second user, who then sees it under Albums', async () => {
    const b = browser();
    const { page, baseUrl } = b;
    await steps(b, [
      [
        'the admin shares a new album with Bob through the Share dialog',
        async () => {
          await addUser(b, BOB);
          const album = await page.request.post(`${baseUrl}/api/albums`, {
            data: { name: 'Garden' },
          });
          const { id } = (await album.json()) as { id: string };
          await page.goto(`${baseUrl}/albums/${id}`);
          await page.getByRole('heading', { name: 'Garden' }).waitFor();
          await page.getByRole('button', { name: 'Share', exact: true }).click();
          const dialog = page.getByRole('dialog', { name: 'Share “Garden”' });
          await dialog.getByLabel('Share with').selectOption({ label: 'Bob' });
          await dialog.getByRole('button', { name: 'Add' }).click();
          await dialog.getByLabel('Role of Bob').waitFor();
          await dialog.getByRole('button', { name: 'Done' }).click();
        },
      ],
      [
        'signed in as Bob, the album is under Albums, marked as shared by the admin',
        async () => {
          await signIn(b, BOB);
          await page.goto(`${baseUrl}/albums`);
          const card = page.locator('.album-card', { hasText: 'Garden' });
          await card.getByText(/^Shared by /).waitFor();
          assert.equal(await page.locator('.album-card', { hasText: 'Holidays' }).count(), 0);
          await card.getByRole('link').click();
          await page.getByRole('heading', { name: 'Garden' }).waitFor();
          await page.getByText(/you are a viewer/).waitFor();
          assert.equal(await page.getByRole('button', { name: 'Share', exact: true }).count(), 0);
        },
      ],
    ]);
  });
});
