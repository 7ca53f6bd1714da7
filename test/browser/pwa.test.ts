import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  signInAdmin,
  startBrowser,
  steps,
  uploadThroughApi,
  type BrowserHarness,
} from '../helpers/browser.js';

interface Manifest {
  name: string;
  start_url: string;
  scope: string;
  display: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

describe('web app: installable, and opens offline', () => {
  let b: BrowserHarness;
  // A copy of the built app, so the test can put out a "new release" without touching dist/web.
  let webDir: string;
  before(async () => {
    webDir = await mkdtemp(join(tmpdir(), 'keepsake-web-'));
    await cp(join(import.meta.dirname, '..', '..', 'dist', 'web'), webDir, { recursive: true });
    b = await startBrowser('pwa', { env: { KEEPSAKE_WEB_DIR: webDir } });
  });
  after(async () => {
    await b.close();
    await rm(webDir, { recursive: true, force: true });
  });

  it('registers a service worker, has a valid manifest, and serves the shell and a seen thumbnail offline', async () => {
    const { page } = b;
    let thumbnail = '';

    await steps(b, [
      [
        'signed in',
        async () => {
          await signInAdmin(b);
          await page.goto(b.baseUrl);
          await page.getByRole('navigation', { name: 'Main' }).waitFor();
        },
      ],
      [
        'the service worker activates and controls the page',
        async () => {
          const scope = await page.evaluate(
            async () => (await navigator.serviceWorker.ready).scope,
          );
          assert.equal(scope, `${b.baseUrl}/`);
          // `ready` may answer while the worker is still activating.
          await page.waitForFunction(async () => {
            const registration = await navigator.serviceWorker.ready;
            return registration.active?.state === 'activated';
          });
          await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
        },
      ],
      [
        'the manifest parses and its icons are reachable PNGs of the stated sizes',
        async () => {
          const href = await page.locator('link[rel="manifest"]').getAttribute('href');
          const res = await page.request.get(new URL(href!, b.baseUrl).href);
          assert.equal(res.status(), 200);
          const manifest = (await res.json()) as Manifest;
          assert.equal(manifest.display, 'standalone');
          assert.ok(manifest.start_url.startsWith(manifest.scope), 'start_url within scope');
          for (const size of [192, 512]) {
            const icon = manifest.icons.find(
              (i) =>
                i.sizes === `${size}x${size}` && i.type === 'image/png' && i.purpose !== 'maskable',
            );
            assert.ok(icon, `a ${size} px icon`);
          }
          for (const icon of manifest.icons) {
            const got = await page.request.get(new URL(icon.src, b.baseUrl).href);
            assert.equal(got.status(), 200, icon.src);
            assert.equal(got.headers()['content-type']?.split(';')[0], icon.type, icon.src);
            if (icon.type === 'image/png') {
              const png = await got.body();
              const size = `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`;
              assert.equal(size, icon.sizes, icon.src);
            }
          }
        },
      ],
      [
        'Chromium finds nothing standing in the way of installing it',
        async () => {
          const cdp = await b.context.newCDPSession(page);
          const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
            installabilityErrors: { errorId: string }[];
          };
          assert.deepEqual(
            installabilityErrors.map((e) => e.errorId),
            [],
          );
          await cdp.detach();
        },
      ],
      [
        'a photo uploaded and its thumbnail seen',
        async () => {
          const [asset] = await uploadThroughApi(b, ['jpeg-exif/IMG_0308.JPG']);
          const { id, status, thumbnailVersion } = asset!;
          assert.equal(status, 'ready');
          assert.ok(thumbnailVersion);
          thumbnail = `/api/assets/${id}/thumbnail?size=thumbnail&v=${thumbnailVersion}`;
          // As the timeline would: through the service worker, which keeps it.
          const seen = await page.evaluate(async (url) => (await fetch(url)).status, thumbnail);
          assert.equal(seen, 200);
          const cached = await page.evaluate(async (url) => !!(await caches.match(url)), thumbnail);
          assert.ok(cached, 'the versioned thumbnail is in the cache');
          const apiCached = await page.evaluate(
            async () => !!(await caches.match('/api/users/me')),
          );
          assert.ok(!apiCached, 'the API is never cached');
        },
      ],
      [
        'offline, a reload still opens the app and the thumbnail comes from the cache',
        async () => {
          // The browser's own HTTP cache holds the same files (they are immutable); empty it,
          // so what answers offline can only be the service worker's cache.
          const cdp = await b.context.newCDPSession(page);
          await cdp.send('Network.clearBrowserCache');
          await cdp.detach();
          await b.context.setOffline(true);
          await page.reload();
          // The app itself ran (its scripts came from the cache): it says the server is away.
          await page.getByRole('alert').filter({ hasText: 'cannot be reached' }).waitFor();
          await page.getByRole('button', { name: 'Try again' }).waitFor();
          const got = await page.evaluate(async (url) => {
            const response = await fetch(url);
            return { status: response.status, bytes: (await response.arrayBuffer()).byteLength };
          }, thumbnail);
          assert.equal(got.status, 200);
          assert.ok(got.bytes > 0);
          const api = await page.evaluate(() =>
            fetch('/api/users/me').then(
              () => 'answered',
              () => 'failed',
            ),
          );
          assert.equal(api, 'failed', 'the API is not answered from a cache');
          await b.context.setOffline(false);
        },
      ],
      [
        'signing out empties the thumbnail cache',
        async () => {
          await page.reload();
          await page.getByRole('button', { name: 'Sign out' }).click();
          await page.getByRole('heading', { name: 'Sign in to Keepsake' }).waitFor();
          const cached = await page.evaluate(async (url) => !!(await caches.match(url)), thumbnail);
          assert.ok(!cached, 'no thumbnails left for the next person');
        },
      ],
      [
        'a new release takes over at the next visit, and the old files leave the cache',
        async () => {
          const index = await readFile(join(webDir, 'index.html'), 'utf8');
          const old = /\/assets\/index-[\w-]+\.js/.exec(index)![0];
          const cachedOld = await page.evaluate(async (url) => !!(await caches.match(url)), old);
          assert.ok(cachedOld, 'the current release is cached');
          const next = '/assets/index-release2.js';
          const script = await readFile(join(webDir, old), 'utf8');
          await writeFile(join(webDir, next), `${script}\n// release 2\n`);
          await writeFile(join(webDir, 'index.html'), index.replace(old, next));
          // The server prefers the build's compressed copies; the release has none.
          await rm(join(webDir, 'index.html.br'), { force: true });
          await rm(join(webDir, 'index.html.gz'), { force: true });
          assert.ok((await readdir(join(webDir, 'assets'))).includes('index-release2.js'));

          await page.reload();
          await page.getByRole('heading', { name: 'Sign in to Keepsake' }).waitFor();
          const loaded = await page.evaluate(() =>
            [...document.scripts].map((s) => new URL(s.src || location.href).pathname),
          );
          assert.ok(loaded.includes(next), 'the page runs the new release');
          await page.waitForFunction(
            async ([oldUrl, nextUrl]) =>
              !!(await caches.match(nextUrl!)) && !(await caches.match(oldUrl!)),
            [old, next],
          );
        },
      ],
    ]);
  });
});
