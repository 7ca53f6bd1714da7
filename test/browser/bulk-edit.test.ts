import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addUser,
  BOB,
  browserForSuite,
  getAsset,
  monthOfTile,
  partnerSharesIntoTimeline,
  signInAdmin,
  steps,
  uploadThroughApi,
} from '../helpers/browser.js';

// Dated camera photos from months other than the new date; Bob's is a fourth.
const MINE = ['jpeg-exif/IMG_0308.JPG', 'jpeg-exif/PA250004.JPG', 'jpeg-exif/EPSN0002.JPG'];
const BOBS = 'jpeg-exif/DSCN0137.JPG';

const NEW_LOCAL = '2015-08-21T09:15';
const NEW_OFFSET = '-04:00';
const LISBON = { latitude: 38.7223, longitude: -9.1393 };
const DESCRIPTION = 'Family weekend';

interface Asset {
  id: string;
  takenAt: string;
  latitude: number | null;
  longitude: number | null;
  description: string | null;
  rating: number | null;
}

describe('web app: editing many photos at once from the selection', () => {
  const browser = browserForSuite('bulk-edit');

  it('sets date, place and rating on every selected photo of mine, and only mine', async () => {
    const b = browser();
    const { page, baseUrl } = b;
    const bar = page.getByRole('toolbar', { name: 'Selected items' });
    const dialog = page.getByRole('dialog', { name: /^Edit / });
    const check = (id: string) => page.locator(`.tile:has([data-tile="${id}"]) .tile-check`);
    const fetchAsset = (id: string) => getAsset<Asset>(b, id);
    /** The next bulk PATCH: the ids it sent, and its status. */
    const nextBulkPatch = () =>
      page
        .waitForResponse(
          (r) => r.request().method() === 'PATCH' && new URL(r.url()).pathname === '/api/assets',
        )
        .then((r) => ({
          status: r.status(),
          ids: (r.request().postDataJSON() as { ids: string[] }).ids,
        }));
    let mine: string[] = [];
    let bobs = '';
    let before: Asset[] = [];
    let bobsBefore: Asset | undefined;
    let newMonth = '';

    await steps(b, [
      [
        'the admin has three photos; Bob shares his one into her timeline',
        async () => {
          await signInAdmin(b);
          const bob = await addUser(b, BOB);
          mine = (await uploadThroughApi(b, MINE)).map((a) => a.id);
          [bobs] = (await partnerSharesIntoTimeline(b, bob, [BOBS])) as [string];
          before = await Promise.all(mine.map(fetchAsset));
          bobsBefore = await fetchAsset(bobs);
          for (const a of [...before, bobsBefore])
            assert.notEqual(a.takenAt.slice(0, 7), NEW_LOCAL.slice(0, 7), a.id);
          newMonth = await page.evaluate((local) => {
            const [y, mo] = local.split('-').map(Number) as [number, number];
            return new Intl.DateTimeFormat(undefined, {
              month: 'long',
              year: 'numeric',
              timeZone: 'UTC',
            }).format(new Date(Date.UTC(y, mo - 1, 1)));
          }, NEW_LOCAL);
        },
      ],
      [
        'three of mine selected: Edit opens a dialog for all three',
        async () => {
          await page.goto(baseUrl);
          for (const id of [...mine, bobs]) await page.locator(`[data-tile="${id}"]`).waitFor();
          for (const id of mine) await check(id).click();
          await bar.getByText('3 selected').waitFor();
          await bar.getByRole('button', { name: 'Edit', exact: true }).click();
          await dialog.getByRole('heading', { name: 'Edit 3 items' }).waitFor();
        },
      ],
      [
        'a wrong offset is named by the dialog; a date the server refuses, by the server',
        async () => {
          await dialog.getByLabel('Date and time', { exact: true }).fill(NEW_LOCAL);
          await dialog.getByLabel(/^Time zone/).fill('+25:00');
          await dialog.getByRole('button', { name: 'Save' }).click();
          await dialog.getByText('Give a date, a time and an offset like +02:00.').waitFor();
          await dialog.getByLabel('Date and time', { exact: true }).fill('1700-01-01T12:00');
          await dialog.getByLabel(/^Time zone/).fill(NEW_OFFSET);
          const refused = nextBulkPatch();
          await dialog.getByRole('button', { name: 'Save' }).click();
          assert.equal((await refused).status, 400);
          await dialog
            .getByRole('alert')
            .getByText('takenAt must be an ISO 8601 date and time, e.g. 2021-07-14T18:30:00+02:00.')
            .waitFor();
          const after = await Promise.all(mine.map(fetchAsset));
          assert.deepEqual(
            after.map((a) => a.takenAt),
            before.map((a) => a.takenAt),
            'nothing changed',
          );
        },
      ],
      [
        'date with its offset, place and rating, saved in one go for all three',
        async () => {
          await dialog.getByLabel('Date and time', { exact: true }).fill(NEW_LOCAL);
          await dialog
            .getByLabel(/^Latitude, longitude/)
            .fill(`${LISBON.latitude}, ${LISBON.longitude}`);
          await dialog.getByLabel('Rating', { exact: true }).selectOption('4');
          assert.equal(
            await dialog.getByRole('checkbox', { name: 'Change the description' }).isChecked(),
            false,
            'the description is left as it is',
          );
          const saved = nextBulkPatch();
          await dialog.getByRole('button', { name: 'Save' }).click();
          const patch = await saved;
          assert.equal(patch.status, 200);
          assert.deepEqual([...patch.ids].sort(), [...mine].sort());
          await page.getByRole('status').getByText('3 items changed.').waitFor();
          await dialog.waitFor({ state: 'detached' });
          assert.equal(await bar.count(), 0, 'the selection is cleared');
          for (const [i, asset] of (await Promise.all(mine.map(fetchAsset))).entries()) {
            assert.equal(asset.takenAt, `${NEW_LOCAL}:00.000${NEW_OFFSET}`, asset.id);
            assert.deepEqual(
              [asset.latitude, asset.longitude],
              [LISBON.latitude, LISBON.longitude],
            );
            assert.equal(asset.rating, 4);
            assert.equal(asset.description, before[i]!.description, 'left unchanged');
          }
        },
      ],
      [
        'the timeline shows all three under their new month',
        async () => {
          for (const id of mine) {
            // The grid reloads on its own; wait for the move rather than for time.
            await page.waitForFunction(
              ([tileId, month]) => {
                const tile = document.querySelector(`[data-tile="${tileId}"]`);
                if (!tile) return false;
                const top = tile.getBoundingClientRect().top;
                const above = [...document.querySelectorAll<HTMLElement>('.grid-month')]
                  .filter((h) => h.getBoundingClientRect().top < top)
                  .sort((a, b) => b.getBoundingClientRect().top - a.getBoundingClientRect().top);
                return above[0]?.textContent === month;
              },
              [id, newMonth] as const,
            );
            assert.equal(await monthOfTile(page, id), newMonth);
          }
          const buckets = (await (
            await page.request.get(`${baseUrl}/api/timeline/buckets`)
          ).json()) as { bucket: string; count: number }[];
          const month = buckets.find((x) => x.bucket.startsWith(NEW_LOCAL.slice(0, 7)));
          assert.equal(month?.count, 3, JSON.stringify(buckets));
        },
      ],
      [
        'one of mine with Bob’s: Edit counts mine only, and changes only mine',
        async () => {
          await check(mine[0]!).click();
          await check(bobs).click();
          await bar.getByText('2 selected').waitFor();
          const edit = bar.getByRole('button', { name: 'Edit (1 of 2)' });
          assert.equal(await edit.getAttribute('aria-describedby'), 'selection-note');
          await edit.click();
          await dialog.getByRole('heading', { name: 'Edit 1 item' }).waitFor();
          await dialog.getByText('1 is Bob’s; only yours is changed.').waitFor();
          await dialog.getByLabel('Description (empty: none)').fill(DESCRIPTION);
          await dialog.getByLabel('Rating', { exact: true }).selectOption('2');
          const saved = nextBulkPatch();
          await dialog.getByRole('button', { name: 'Save' }).click();
          const patch = await saved;
          assert.equal(patch.status, 200);
          assert.deepEqual(patch.ids, [mine[0]], 'Bob’s photo is not sent');
          await page.getByRole('status').getByText('1 item changed.').waitFor();
          const edited = await fetchAsset(mine[0]!);
          assert.equal(edited.description, DESCRIPTION);
          assert.equal(edited.rating, 2);
          assert.equal(edited.takenAt, `${NEW_LOCAL}:00.000${NEW_OFFSET}`, 'date kept');
          assert.deepEqual(await fetchAsset(bobs), bobsBefore, 'Bob’s photo stays as it was');
          assert.equal(await page.getByRole('alert').count(), 0);
        },
      ],
    ]);
  });
});
