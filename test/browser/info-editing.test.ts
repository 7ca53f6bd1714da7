import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  browserForSuite,
  getAsset,
  monthOfTile,
  signInAdmin,
  steps,
  uploadThroughApi,
} from '../helpers/browser.js';

// Dated camera photos from different months; the first is the one edited.
const PHOTOS = ['jpeg-exif/IMG_0308.JPG', 'jpeg-exif/PA250004.JPG', 'jpeg-exif/EPSN0002.JPG'];

// A month none of the photos is in, so the move is plain to see.
const NEW_LOCAL = '2016-05-14T18:30';
const NEW_OFFSET = '+02:00';
const PARIS = { latitude: 48.8566, longitude: 2.3522 };
const DESCRIPTION = 'Evening light over the harbour';

interface Asset {
  id: string;
  takenAt: string;
  latitude: number | null;
  longitude: number | null;
  description: string | null;
  rating: number | null;
  place: { city: string | null } | null;
  editedFields?: string[];
}

describe('web app: editing a photo’s facts in the info panel', () => {
  const browser = browserForSuite('info-editing');

  it('the owner edits date, place, description and rating; they stay, and the date moves it', async () => {
    const b = browser();
    const { page, baseUrl } = b;
    let edited = '';
    const fetchAsset = (id: string) => getAsset<Asset>(b, id);
    const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
    const info = viewer.getByRole('complementary', { name: 'Info' });
    const row = (label: string) =>
      info.locator('.viewer-info-row', { has: page.getByText(label, { exact: true }) });
    /** Opens the viewer on the edited photo, from a fresh page load, with the info panel. */
    const openInfo = async () => {
      await page.goto(`${baseUrl}/?view=${edited}`);
      await viewer.getByRole('img', { name: /^Photo from / }).waitFor();
      // The panel stays open from one viewing to the next (remembered in this browser).
      const button = viewer.getByRole('button', { name: 'Info', exact: true });
      if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
      await info.waitFor();
    };
    /** Waits for the PATCH the panel sends, and checks it went through. */
    const saved = async (action: () => Promise<void>) => {
      const response = page.waitForResponse(
        (r) => r.request().method() === 'PATCH' && r.url().endsWith(`/api/assets/${edited}`),
      );
      await action();
      assert.equal((await response).status(), 200);
    };
    let expectedTaken = { local: '', month: '' };

    await steps(b, [
      [
        'an admin with three photos, in other months than the new date',
        async () => {
          await signInAdmin(b);
          const uploaded = (await uploadThroughApi(b, PHOTOS)) as unknown as Asset[];
          edited = uploaded[0]!.id;
          for (const a of uploaded) assert.notEqual(a.takenAt.slice(0, 7), NEW_LOCAL.slice(0, 7));
          expectedTaken = await page.evaluate((local) => {
            const [y, mo, d, h, mi] = local.split(/[-T:]/).map(Number) as number[];
            const wall = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!));
            return {
              local: new Intl.DateTimeFormat(undefined, {
                weekday: 'short',
                day: 'numeric',
                month: 'short',
                year: 'numeric',
                hour: '2-digit',
                minute: '2-digit',
                timeZone: 'UTC',
              }).format(wall),
              month: new Intl.DateTimeFormat(undefined, {
                month: 'long',
                year: 'numeric',
                timeZone: 'UTC',
              }).format(wall),
            };
          }, NEW_LOCAL);
        },
      ],
      [
        'an invalid offset, then a date before photography, each show a readable error',
        async () => {
          await openInfo();
          const before = await fetchAsset(edited);
          await row('Taken').getByRole('button', { name: 'Edit date' }).click();
          await info.getByLabel('Date and time').fill(NEW_LOCAL);
          await info.getByLabel(/^Time zone/).fill('+25:00');
          await info.getByRole('button', { name: 'Save' }).click();
          await info.getByText('Give a date, a time and an offset like +02:00.').waitFor();
          // The client lets this one through; the server names what is wrong.
          await info.getByLabel('Date and time').fill('1700-01-01T12:00');
          await info.getByLabel(/^Time zone/).fill(NEW_OFFSET);
          const response = page.waitForResponse(
            (r) => r.request().method() === 'PATCH' && r.url().endsWith(`/api/assets/${edited}`),
          );
          await info.getByRole('button', { name: 'Save' }).click();
          assert.equal((await response).status(), 400);
          await info
            .getByText('takenAt must be an ISO 8601 date and time, e.g. 2021-07-14T18:30:00+02:00.')
            .waitFor();
          assert.equal((await fetchAsset(edited)).takenAt, before.takenAt, 'nothing changed');
        },
      ],
      [
        'a new date and time with its offset is saved and shown',
        async () => {
          await info.getByLabel('Date and time').fill(NEW_LOCAL);
          await info.getByLabel(/^Time zone/).fill(NEW_OFFSET);
          await saved(() => info.getByRole('button', { name: 'Save' }).click());
          await row('Taken').getByText(expectedTaken.local).waitFor();
          await row('Taken').getByText('UTC+02:00').waitFor();
          const asset = await fetchAsset(edited);
          assert.equal(asset.takenAt, `${NEW_LOCAL}:00.000${NEW_OFFSET}`);
        },
      ],
      [
        'the place, as coordinates',
        async () => {
          await row('Place').getByRole('button', { name: 'Edit place' }).click();
          await info.getByLabel(/^Latitude, longitude/).fill('not a place');
          await info.getByRole('button', { name: 'Save' }).click();
          await info
            .getByText('Give latitude, longitude (e.g. 48.8566, 2.3522), or nothing.')
            .waitFor();
          await info
            .getByLabel(/^Latitude, longitude/)
            .fill(`${PARIS.latitude}, ${PARIS.longitude}`);
          await saved(() => info.getByRole('button', { name: 'Save' }).click());
          await row('Place').getByText('48.85660° N, 2.35220° E').waitFor();
          const asset = await fetchAsset(edited);
          assert.equal(asset.latitude, PARIS.latitude);
          assert.equal(asset.longitude, PARIS.longitude);
        },
      ],
      [
        'the description',
        async () => {
          await info.getByRole('button', { name: 'Edit description' }).click();
          await info.getByLabel('Description').fill(DESCRIPTION);
          await saved(() => info.getByRole('button', { name: 'Save' }).click());
          await info.locator('.viewer-description').getByText(DESCRIPTION).waitFor();
          assert.equal((await fetchAsset(edited)).description, DESCRIPTION);
        },
      ],
      [
        'the rating, four stars',
        async () => {
          await saved(() => info.getByRole('button', { name: 'Rate 4 of 5' }).click());
          await info.getByRole('group', { name: 'Rating: 4 of 5 stars' }).waitFor();
          assert.equal((await fetchAsset(edited)).rating, 4);
        },
      ],
      [
        'after a reload, the panel and the API show every change',
        async () => {
          await openInfo();
          await row('Taken').getByText(expectedTaken.local).waitFor();
          await row('Taken').getByText('UTC+02:00').waitFor();
          await row('Place').getByText('48.85660° N, 2.35220° E').waitFor();
          await info.locator('.viewer-description').getByText(DESCRIPTION).waitFor();
          await info.getByRole('group', { name: 'Rating: 4 of 5 stars' }).waitFor();
          const asset = await fetchAsset(edited);
          assert.equal(asset.takenAt, `${NEW_LOCAL}:00.000${NEW_OFFSET}`);
          assert.deepEqual([asset.latitude, asset.longitude], [PARIS.latitude, PARIS.longitude]);
          assert.equal(asset.description, DESCRIPTION);
          assert.equal(asset.rating, 4);
          // Named again from the new position.
          if (asset.place?.city) await row('Place').getByText(asset.place.city).waitFor();
        },
      ],
      [
        'in the timeline, the photo now sits under its new month',
        async () => {
          await page.keyboard.press('Escape');
          await viewer.waitFor({ state: 'detached' });
          await page.locator(`[data-tile="${edited}"]`).waitFor();
          assert.equal(await monthOfTile(page, edited), expectedTaken.month);
          const buckets = (await (
            await page.request.get(`${baseUrl}/api/timeline/buckets`)
          ).json()) as { bucket: string; count: number }[];
          const month = buckets.find((x) => x.bucket.startsWith(NEW_LOCAL.slice(0, 7)));
          assert.equal(month?.count, 1, JSON.stringify(buckets));
        },
      ],
    ]);
  });
});
