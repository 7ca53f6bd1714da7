import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase } from '../../src/adapters/db/open-database.js';
import { browserForSuite, signInAdmin, steps, uploadThroughApi } from '../helpers/browser.js';

// What the security probe's page did in the victim's session: mint an API key, and mark the tab.
const PAGE = Buffer.from(
  '<!doctype html><html><head><title>holiday</title></head><body><script>' +
    'document.title = "pwned";' +
    'fetch("/api/api-keys", { method: "POST", headers: { "content-type": "application/json" },' +
    ' body: JSON.stringify({ name: "stolen" }) });' +
    '</script></body></html>',
);

describe('web app: an original whose bytes are a web page', () => {
  const browser = browserForSuite('active-original');

  it('opening it runs nothing, even with an active type in its row', async () => {
    const b = browser();
    const { page, testApp } = b;
    let id = '';
    const keyRequests: string[] = [];
    const downloads: string[] = [];
    b.context.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/api-keys') keyRequests.push(request.method());
    });

    await steps(b, [
      [
        'a photo whose stored bytes and type are replaced by an HTML page',
        async () => {
          // Uploads refuse such a page (see test/http/active-content.test.ts): plant it, as a
          // row written by an older server would hold it.
          await signInAdmin(b);
          const [uploaded] = await uploadThroughApi(b, ['jpeg-exif/IMG_0308.JPG']);
          id = uploaded!.id;
          const connection = await openDatabase(testApp.keepsake.config.databaseUrl);
          try {
            const row = await connection.db
              .updateTable('assets')
              .set({ mime_type: 'text/html', file_size: PAGE.length })
              .where('id', '=', id)
              .returning('original_key')
              .executeTakeFirstOrThrow();
            await testApp.blobs.put(row.original_key, PAGE);
          } finally {
            await connection.close();
          }
        },
      ],
      [
        'opening its original in the signed-in tab',
        async () => {
          await page.goto(b.baseUrl);
          page.on('download', (download) => {
            downloads.push(download.suggestedFilename());
            void download.cancel();
          });
          await page.goto(`${b.baseUrl}/api/assets/${id}/original`).catch(() => {
            // Chromium aborts a navigation that turns into a download.
          });
          await page.waitForTimeout(1_000);
        },
      ],
      [
        'nothing ran: no title change, no API key made; it came as a download',
        async () => {
          assert.notEqual(await page.title(), 'pwned');
          assert.deepEqual(keyRequests, []);
          const keys = await page.request.get(`${b.baseUrl}/api/api-keys`);
          assert.equal(keys.status(), 200);
          assert.deepEqual(await keys.json(), []);
          assert.equal(downloads.length, 1);
          assert.match(downloads[0]!, /IMG_0308/);
        },
      ],
    ]);
  });
});
