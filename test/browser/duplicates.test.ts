import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import sharp from 'sharp';
import { browserForSuite, signInAdmin, steps, uploadThroughApi } from '../helpers/browser.js';
import { corpusPath } from '../helpers/corpus.js';
import { waitForStep } from '../helpers/vision.js';

const PHOTO = 'jpeg-exif/DSC_0011.JPG';

describe('web app: duplicates', () => {
  const browser = browserForSuite('duplicates', { env: { KEEPSAKE_VISION_DUPLICATES: 'true' } });
  let dir = '';
  after(() => rm(dir, { recursive: true, force: true }));

  it('shows a photo and its copy as a group, keeps the original and trashes the copy', async () => {
    const b = browser();
    const { page, baseUrl } = b;
    let original = '';
    let copy = '';
    const group = page.locator('.duplicate-group');
    const card = (id: string) => group.locator(`[data-asset="${id}"]`);

    await steps(b, [
      [
        'an admin uploads a photo and a smaller, recompressed copy of it',
        async () => {
          await signInAdmin(b);
          dir = await mkdtemp(join(tmpdir(), 'keepsake-duplicates-'));
          const bytes = await readFile(corpusPath(PHOTO));
          const { width } = await sharp(bytes).metadata();
          const copyPath = join(dir, 'copy.jpg');
          await writeFile(
            copyPath,
            await sharp(bytes)
              .resize(Math.round(width! * 0.6))
              .jpeg({ quality: 70 })
              .toBuffer(),
          );
          [original, copy] = (await uploadThroughApi(b, [PHOTO, copyPath])).map((a) => a.id) as [
            string,
            string,
          ];
          for (const id of [original, copy])
            assert.equal((await waitForStep(b.testApp, id, 'duplicates')).state, 'done');
        },
      ],
      [
        'the Duplicates page shows both, the original as the suggested keeper',
        async () => {
          await page.goto(baseUrl);
          await page.getByRole('navigation', { name: 'Main' }).getByText('Duplicates').click();
          await page.getByRole('heading', { name: 'Duplicates', level: 1 }).waitFor();
          await group.waitFor();
          assert.equal(await group.count(), 1);
          await card(original).getByText('Suggested keeper').waitFor();
          assert.equal(await card(copy).getByText('Suggested keeper').count(), 0);
          await card(original)
            .getByText(/^\d[\d,]* × \d[\d,]* · .* · sharpness \d+ %$/)
            .waitFor();
          await page.waitForFunction(() =>
            [...document.querySelectorAll<HTMLImageElement>('.duplicate-thumb img')].every(
              (img) => img.naturalWidth > 0,
            ),
          );
        },
      ],
      [
        'keeping the original trashes the copy, and the group is gone',
        async () => {
          await card(original)
            .getByRole('button', { name: 'Keep this one, trash the rest' })
            .click();
          await page.getByRole('status').getByText('1 photo moved to the trash.').waitFor();
          await page.getByText('No duplicates').waitFor();
        },
      ],
      [
        'the copy is in the trash, the original is not',
        async () => {
          await page.getByRole('navigation', { name: 'Main' }).getByText('Trash').click();
          await page.locator(`[data-tile="${copy}"]`).waitFor();
          assert.equal(await page.locator(`[data-tile="${original}"]`).count(), 0);
        },
      ],
    ]);
  });
});
