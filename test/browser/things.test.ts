import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { browserForSuite, signInAdmin, steps, uploadThroughApi } from '../helpers/browser.js';
import { visionFixture, waitForStep } from '../helpers/vision.js';

const DOG = 'objects/dog_beagle.jpg';
const CAT = 'objects/cat_tabby.jpg';
const SCREENSHOT = 'ocr/screenshot_testocr.png';

describe('web app: things and text in the info panel', () => {
  const browser = browserForSuite('things', {
    env: { KEEPSAKE_VISION_OBJECTS: 'true', KEEPSAKE_VISION_OCR: 'true' },
  });

  it('shows the things found in a photo as chips that open the photos with that thing, and the text read in it', async () => {
    const b = browser();
    const { page, baseUrl } = b;
    const ids: Record<string, string> = {};
    const viewer = page.getByRole('dialog', { name: 'Photo viewer' });
    const info = viewer.getByRole('complementary', { name: 'Info' });

    await steps(b, [
      [
        'an admin uploads a dog, a cat and a screenshot; things and text are found',
        async () => {
          await signInAdmin(b);
          const files = [DOG, CAT, SCREENSHOT];
          const uploaded = await uploadThroughApi(b, files.map(visionFixture));
          files.forEach((file, i) => (ids[file] = uploaded[i]!.id));
          for (const file of files) {
            for (const step of ['objects', 'ocr']) {
              const { state, reason } = await waitForStep(b.testApp, ids[file]!, step);
              assert.equal(state, 'done', `${step} of ${file}: ${reason}`);
            }
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
      [
        "the screenshot's text is in its info, folded until opened",
        async () => {
          await page.goto(`${baseUrl}/?view=${ids[SCREENSHOT]}`);
          await viewer.getByRole('img', { name: /^Photo / }).waitFor();
          const text = info.locator('.info-text');
          await text.waitFor();
          assert.equal(await text.locator('p').isVisible(), false);
          await text.getByText('Text in this photo').click();
          await text.locator('p', { hasText: /quick brown/i }).waitFor();
          // The dog's photo has no text, and no Text row.
          const read = page.waitForResponse((r) => r.url().endsWith(`/${ids[DOG]}/text`));
          await page.goto(`${baseUrl}/?view=${ids[DOG]}`);
          assert.equal(((await (await read).json()) as { text: string }).text, '');
          await info.locator('.info-tags').waitFor();
          assert.equal(await info.locator('.info-text').count(), 0);
        },
      ],
    ]);
  });
});
