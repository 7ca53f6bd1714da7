import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import { browserForSuite, signInAdmin, steps } from '../helpers/browser.js';

// Camera files a browser gives no MIME type: the page once refused them as "Not a photo or video."
const CAMERA_FILES = ['raw/CRW_0305.CRW', 'raw/P003913.KDC', 'video/MVI_0121.AVI'];

describe('web app: camera files without a MIME type, and a batch that ends with failures', () => {
  const browser = browserForSuite('upload-camera-files');

  it('sends untyped camera files, refuses a text file, and the bar reaches its end', async () => {
    const b = browser();
    const { page } = b;
    const panel = page.getByRole('region', { name: 'Uploads' });
    const row = (name: string) => panel.locator('.upload-row').filter({ hasText: name });
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/uploads')
        sent.push(request.headers()['upload-metadata'] ?? '');
    });

    await steps(b, [
      [
        'signed in',
        async () => {
          await signInAdmin(b);
          await page.goto(b.baseUrl);
          await page.getByRole('button', { name: 'Upload' }).waitFor();
        },
      ],
      [
        'a CRW, a KDC and an AVI with an empty type, a nameless JPEG, and a text file',
        async () => {
          const files = await Promise.all(
            CAMERA_FILES.map(async (file) => ({
              name: basename(file),
              mimeType: '',
              buffer: await readFile(corpusPath(file)),
            })),
          );
          await page.getByTestId('upload-input').setInputFiles([
            ...files,
            // No type, no extension: its first bytes say JPEG.
            {
              name: 'DOWNLOAD',
              mimeType: '',
              buffer: await readFile(corpusPath('jpeg-exif/DSCN0137.JPG')),
            },
            { name: 'notes.txt', mimeType: '', buffer: Buffer.from('a shopping list\n') },
          ]);
        },
      ],
      [
        'each camera file is sent and accepted by the server',
        async () => {
          for (const name of [...CAMERA_FILES.map((f) => basename(f)), 'DOWNLOAD'])
            await row(name)
              .and(page.locator('[data-status="processing"], [data-status="ready"]'))
              .waitFor({ timeout: 60_000 });
          assert.equal(sent.length, 4, 'four tus uploads were created');
          const listed = await page.request.get(`${b.baseUrl}/api/assets?limit=50`);
          const { assets } = (await listed.json()) as { assets: { originalFileName: string }[] };
          assert.deepEqual(
            assets.map((a) => a.originalFileName).sort(),
            [...CAMERA_FILES.map((f) => basename(f)), 'DOWNLOAD'].sort(),
          );
        },
      ],
      [
        'the text file is refused in the page, and never sent',
        async () => {
          await row('notes.txt')
            .and(page.locator('[data-status="failed"]'))
            .filter({ hasText: 'Not a photo or video' })
            .waitFor();
          assert.equal(sent.length, 4);
        },
      ],
      [
        'once the batch is over the bar is at its end and says one failed',
        async () => {
          await panel
            .getByRole('status')
            .filter({ hasText: /^4 items added · 1 failed$/ })
            .waitFor({ timeout: 90_000 });
          const total = panel.getByRole('progressbar', { name: 'Total upload progress' });
          assert.equal(await total.getAttribute('value'), '1');
        },
      ],
    ]);
  });
});
