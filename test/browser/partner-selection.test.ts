import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addUser,
  BOB,
  browserForSuite,
  partnerSharesIntoTimeline,
  signInAdmin,
  steps,
  uploadThroughApi,
} from '../helpers/browser.js';

const MINE = 'jpeg-exif/IMG_0308.JPG';
const BOBS = 'jpeg-exif/PA250004.JPG';

describe('web app: a partner’s photos in my timeline', () => {
  const browser = browserForSuite('partner-selection');

  it('offers the owner’s actions on my photos only, and says whose the others are', async () => {
    const b = browser();
    const { page, baseUrl } = b;
    const bar = page.getByRole('toolbar', { name: 'Selected items' });
    const check = (id: string) => page.locator(`.tile:has([data-tile="${id}"]) .tile-check`);
    const trashed = async (id: string) =>
      (
        (await (await page.request.get(`${baseUrl}/api/assets/${id}`)).json()) as {
          isTrashed: boolean;
        }
      ).isTrashed;
    let mine = '';
    let bobs = '';

    await steps(b, [
      [
        'Bob shares his library with the admin, who shows it in her timeline',
        async () => {
          await signInAdmin(b);
          const bob = await addUser(b, BOB);
          [mine] = (await uploadThroughApi(b, [MINE])).map((a) => a.id) as [string];
          [bobs] = (await partnerSharesIntoTimeline(b, bob, [BOBS])) as [string];
        },
      ],
      [
        'the timeline shows both, Bob’s marked with his name',
        async () => {
          await page.goto(baseUrl);
          await page.locator(`[data-tile="${mine}"]`).waitFor();
          const bobsTile = page.locator(`.tile:has([data-tile="${bobs}"])`);
          await bobsTile.locator('.tile-partner', { hasText: 'Bob' }).waitFor();
          assert.equal(
            await page.locator(`.tile:has([data-tile="${mine}"]) .tile-partner`).count(),
            0,
          );
        },
      ],
      [
        'Bob’s photo alone selected: download, but nothing of the owner’s to do',
        async () => {
          await check(bobs).click();
          await bar.getByText('1 selected').waitFor();
          await bar.getByText('This is Bob’s to change; you can download it.').waitFor();
          await bar.getByRole('button', { name: 'Download' }).waitFor();
          for (const name of [/trash/i, /favorite/i, /archive/i, /add to album/i, /share link/i])
            assert.equal(await bar.getByRole('button', { name }).count(), 0, `${name} offered`);
        },
      ],
      [
        'with one of mine too, trash counts mine only and says why',
        async () => {
          await check(mine).click();
          await bar.getByText('2 selected').waitFor();
          await bar.getByText('1 is Bob’s; only yours is changed.').waitFor();
          const trash = bar.getByRole('button', { name: 'Move to trash (1 of 2)' });
          assert.equal(
            await trash.getAttribute('aria-describedby'),
            'selection-note',
            'the shortened action points at the reason',
          );
          await bar.getByRole('button', { name: '♥ Favorite (1 of 2)' }).waitFor();
          await trash.click();
          await page.getByRole('status').getByText('1 item moved to the trash.').waitFor();
          await page.locator(`[data-tile="${mine}"]`).waitFor({ state: 'detached' });
          assert.equal(await trashed(mine), true);
          assert.equal(await trashed(bobs), false, 'Bob’s photo stays as it was');
          assert.equal(await page.getByRole('alert').count(), 0);
        },
      ],
      [
        'Bob’s photo in the viewer: download, no favorite or trash',
        async () => {
          await page.locator(`[data-tile="${bobs}"]`).click();
          const dialog = page.getByRole('dialog', { name: 'Photo viewer' });
          await dialog.getByRole('link', { name: 'Download original' }).waitFor();
          // The asset has loaded once the info about it is there; only then is "mine" known.
          await dialog.getByRole('button', { name: 'Info' }).click();
          await dialog.getByRole('heading', { name: 'Info' }).waitFor();
          assert.equal(await dialog.getByRole('button', { name: 'Move to trash' }).count(), 0);
          assert.equal(await dialog.getByRole('button', { name: 'Favorite' }).count(), 0);
        },
      ],
    ]);
  });
});
