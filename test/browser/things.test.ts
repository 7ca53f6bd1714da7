import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserForSuite, signInAdmin, steps, uploadThroughApi } from '../helpers/browser.js';
import { visionFixture, waitForStep } from '../helpers/vision.js';

const DOG = 'objects/dog_beagle.jpg';
const CAT = 'objects/cat_tabby.jpg';

describe('web app: things in the info panel', () => {
  const browser = browserForSuite('things', { env: { KEEPSAKE_VISION_OBJECTS: 'true' } });

  it('shows the things found in a photo as chips that open the photos with that thing', async () => {
    const b = browser();
    const { page, baseUrl } = b;
    const ids: Record<string, string> = {};
    const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
    const info = viewer.getByRole('complementary', { name: 'Info' });

    await steps(b, [
      [
        'an admin uploads a dog and a cat, and the things in them are found',
        async () => {
          await signInAdmin(b);
          const files = [DOG, CAT];
          const uploaded = await uploadThroughApi(b, files.map(visionFixture));
          files.forEach((file, i) => (ids[file] = uploaded[i]!.id));
          for (const file of files) {
            const { state, reason } = await waitForStep(b.testApp, ids[file]!, 'objects');
            assert.equal(state, 'done', `objects of ${file}: ${reason}`);
          }
        },
      ],
      [
        "the dog's info lists 'dog' among its things",
        async () => {
          await page.goto(`${baseUrl}/?view=${ids[DOG]}`);
          await viewer.getByRole('img', { name: /^Photo / }).waitFor();
          const button = viewer.getByRole('button', { name: 'Info', exact: true });
          if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
          await info.locator('.info-tags').getByRole('link', { name: 'dog' }).waitFor();
        },
      ],
      [
        "the chip opens the tag's timeline, with the dog and not the cat",
        async () => {
          await info.locator('.info-tags').getByRole('link', { name: 'dog' }).click();
          await page.getByRole('heading', { name: 'dog', level: 1 }).waitFor();
          assert.equal(new URL(page.url()).pathname, '/tags/dog');
          await page.locator(`[data-tile="${ids[DOG]}"]`).waitFor();
          assert.equal(await page.locator(`[data-tile="${ids[CAT]}"]`).count(), 0);
        },
      ],
    ]);
  });
});
