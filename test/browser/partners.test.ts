import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import {
  addUser,
  BOB,
  browserForSuite,
  CHROMIUM,
  signIn,
  signInAdmin,
  steps,
  uploadThroughApi,
} from '../helpers/browser.js';
import { ADMIN } from '../helpers/test-app.js';

const ADA_PHOTOS = ['jpeg-exif/IMG_0308.JPG', 'jpeg-exif/PA250004.JPG'];
const BOB_PHOTO = 'jpeg-exif/EPSN0002.JPG';

describe('web app: partner sharing', () => {
  let bobBrowser: Browser;
  before(async () => {
    bobBrowser = await chromium.launch(CHROMIUM);
  });
  after(async () => {
    await bobBrowser.close();
  });
  // After Bob's browser: hooks run in this order, and a failing close stops the rest.
  const browser = browserForSuite('partners');

  it('Ada shares her library with Bob, who shows it in his timeline, until she stops', async () => {
    const b = browser();
    const { page: ada, baseUrl } = b;
    const bobContext = await bobBrowser.newContext({ viewport: { width: 1280, height: 800 } });
    const bob = await bobContext.newPage();
    const bobErrors: string[] = [];
    bob.on('pageerror', (error) => bobErrors.push(error.message));
    let adaIds: string[] = [];
    let bobId = '';
    const tile = (id: string) => bob.locator(`.tile:has([data-tile="${id}"])`);
    const adaShares = ada.getByRole('list', { name: 'I share my library with' });
    const sharedWithBob = bob.getByRole('list', { name: 'Shared with me' });
    const showAda = sharedWithBob
      .getByRole('listitem')
      .filter({ hasText: ADMIN.name })
      .getByRole('checkbox', { name: 'Show in my timeline' });
    /** How many photos Bob's timeline counts, from the API the page uses. */
    const bobTimelineCount = async () => {
      const response = await bob.request.get(`${baseUrl}/api/timeline/buckets`);
      assert.ok(response.ok(), `buckets answered ${response.status()}`);
      const buckets = (await response.json()) as { count: number }[];
      return buckets.reduce((sum, bucket) => sum + bucket.count, 0);
    };
    /** Ada's photos are not in Bob's timeline, as the page shows it once loaded, nor the API. */
    const adaIsAbsent = async () => {
      await tile(bobId).waitFor();
      await bob.waitForLoadState('networkidle');
      for (const id of adaIds) assert.equal(await tile(id).count(), 0);
      assert.equal(await bobTimelineCount(), 1);
    };

    await steps(b, [
      [
        'Ada with two photos, Bob with one of his own',
        async () => {
          await signInAdmin(b);
          adaIds = (await uploadThroughApi(b, ADA_PHOTOS)).map((a) => a.id);
          await addUser(b, BOB);
          const asBob = { page: bob, baseUrl };
          await signIn(asBob, BOB);
          [bobId] = (await uploadThroughApi(asBob, [BOB_PHOTO])).map((a) => a.id) as [string];
        },
      ],
      [
        'before anything is shared, Bob’s timeline has only his photo',
        async () => {
          await bob.goto(baseUrl);
          await adaIsAbsent();
          const read = await bob.request.get(`${baseUrl}/api/assets/${adaIds[0]}`);
          assert.equal(read.status(), 404, 'Ada’s photo is not Bob’s to see');
        },
      ],
      [
        'on the Sharing page, Ada shares her library with Bob',
        async () => {
          await ada.goto(`${baseUrl}/sharing`);
          await ada.getByRole('heading', { name: 'Partner sharing' }).waitFor();
          await ada.getByText('No one yet.').waitFor();
          await ada
            .getByRole('combobox', { name: /^Share my library with/ })
            .selectOption({ label: BOB.name });
          await ada.getByRole('button', { name: 'Share', exact: true }).click();
          await adaShares.getByText(BOB.name).waitFor();
          await adaShares.getByRole('button', { name: 'Stop sharing' }).waitFor();
          // Bob is no longer offered: he already has it.
          assert.equal(
            await ada
              .getByRole('combobox', { name: /^Share my library with/ })
              .locator('option', { hasText: 'Bob' })
              .count(),
            0,
          );
        },
      ],
      [
        'Bob sees Ada under Shared with me, not yet in his timeline',
        async () => {
          await bob.goto(`${baseUrl}/sharing`);
          await showAda.waitFor();
          assert.equal(await showAda.isChecked(), false);
          await bob.getByRole('navigation', { name: 'Main' }).getByText('Photos').click();
          await adaIsAbsent();
        },
      ],
      [
        'Bob shows Ada’s photos in his timeline: they appear, marked as a partner’s',
        async () => {
          await bob.goto(`${baseUrl}/sharing`);
          const saved = bob.waitForResponse(
            (r) => r.request().method() === 'PATCH' && r.url().includes('/api/partners/'),
          );
          await showAda.check();
          assert.ok((await saved).ok(), 'the choice is saved');
          // The change is saved: a reload still shows it checked.
          await bob.reload();
          await showAda.waitFor();
          assert.equal(await showAda.isChecked(), true);
          await bob.getByRole('navigation', { name: 'Main' }).getByText('Photos').click();
          for (const id of adaIds) await tile(id).locator('.tile-partner').waitFor();
          await tile(bobId).waitFor();
          assert.equal(await tile(bobId).locator('.tile-partner').count(), 0, 'his own is not');
          assert.equal(await bobTimelineCount(), 3);
          // Marked as someone's (the badge names Ada where the grid knows names).
          const mark = await tile(adaIds[0]!).locator('.tile-partner').getAttribute('title');
          assert.match(mark ?? '', new RegExp(`^(A partner|${ADMIN.name})’s photo$`));
        },
      ],
      [
        'opened, Ada’s photo offers Bob nothing to change',
        async () => {
          await bob.locator(`[data-tile="${adaIds[0]}"]`).click();
          const viewer = bob.getByRole('dialog', { name: 'Photo viewer' });
          await viewer.getByRole('img', { name: /^Photo from / }).waitFor();
          await bob.keyboard.press('i');
          const info = viewer.getByRole('complementary', { name: 'Info' });
          await info.getByText('Taken').waitFor();
          assert.equal(await info.getByRole('button', { name: /^Edit/ }).count(), 0);
          await bob.keyboard.press('Escape');
          await viewer.waitFor({ state: 'detached' });
        },
      ],
      [
        'Ada stops sharing, and her photos leave Bob’s timeline',
        async () => {
          await adaShares.getByRole('button', { name: 'Stop sharing' }).click();
          await ada.getByText('No one yet.').waitFor();
          await bob.reload();
          await adaIsAbsent();
          const read = await bob.request.get(`${baseUrl}/api/assets/${adaIds[0]}`);
          assert.equal(read.status(), 404);
          await bob.goto(`${baseUrl}/sharing`);
          await bob.getByText('No one shares with you yet.').waitFor();
        },
      ],
    ]);
    await bobContext.close();
    assert.deepEqual(bobErrors, []);
  });
});
