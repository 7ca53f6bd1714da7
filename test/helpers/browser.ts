import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { corpusPath } from './corpus.js';
import { ADMIN, startTestApp, type TestApp } from './test-app.js';

/** Where a failing browser test leaves its screenshots (git-ignored). */
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'test-results');

/** Debian's chromium, headless, quiet: no sandbox (root in CI), no GPU, no calls home. */
export const CHROMIUM = {
  executablePath: process.env.KEEPSAKE_CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

export interface BrowserHarness {
  /** The served web app and its API, on a real port. */
  baseUrl: string;
  testApp: TestApp;
  context: BrowserContext;
  page: Page;
  /** Saves a screenshot named after the step, for when the test fails. */
  shot(step: string): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** A phone: small viewport, touch, mobile user agent. */
  phone?: boolean;
  env?: Record<string, string>;
}

/**
 * A real Keepsake listening on a free port, serving the built web app (dist/web, which
 * `npm test` builds), and Debian's chromium driven by playwright-core with a fresh profile.
 */
export async function startBrowser(
  name: string,
  options: HarnessOptions = {},
): Promise<BrowserHarness> {
  const testApp = await startTestApp({ env: options.env });
  await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  const address = testApp.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;
  const profile = await mkdtemp(join(tmpdir(), 'keepsake-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    ...CHROMIUM,
    ...(options.phone
      ? {
          viewport: { width: 390, height: 844 },
          deviceScaleFactor: 2,
          isMobile: true,
          hasTouch: true,
          userAgent:
            'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) ' +
            'Chrome/156.0 Mobile Safari/537.36',
        }
      : { viewport: { width: 1280, height: 800 } }),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  let step = 0;
  return {
    baseUrl,
    testApp,
    context,
    page,
    async shot(label) {
      await mkdir(SCREENSHOT_DIR, { recursive: true });
      step += 1;
      const file = `${name}-${String(step).padStart(2, '0')}-${label.replace(/\W+/g, '-')}.png`;
      await page.screenshot({ path: join(SCREENSHOT_DIR, file), fullPage: false }).catch(() => {});
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
      await testApp.close();
      if (pageErrors.length > 0) throw new Error(`errors in the page: ${pageErrors.join('; ')}`);
    },
  };
}

/**
 * Runs the steps of a browser test, each named; when one fails, a screenshot of the page as it
 * was is written to test-results/ and the failure names the step.
 */
export async function steps(
  harness: BrowserHarness,
  list: [label: string, run: () => Promise<void>][],
): Promise<void> {
  for (const [label, run] of list) {
    try {
      await run();
    } catch (error) {
      await harness.shot(`FAILED-${label}`);
      throw new Error(`step "${label}" failed: ${(error as Error).message}`, { cause: error });
    }
  }
}

/**
 * Creates the admin through the API and signs the page's browser in (the session cookie is the
 * context's, so the page and page.request share it). Setup alone does not sign anyone in.
 */
export async function signInAdmin(harness: BrowserHarness): Promise<void> {
  const { page, baseUrl } = harness;
  const setup = await page.request.post(`${baseUrl}/api/auth/setup`, { data: ADMIN });
  assert.ok(setup.ok(), `setup answered ${setup.status()}`);
  const login = await page.request.post(`${baseUrl}/api/auth/login`, {
    data: { email: ADMIN.email, password: ADMIN.password },
  });
  assert.ok(login.ok(), `sign-in answered ${login.status()}`);
}

/** Uploads fixture photos through the API as the signed-in browser; waits until each is done. */
export async function uploadThroughApi(
  harness: BrowserHarness,
  photos: readonly string[],
): Promise<{ id: string; status: string; [key: string]: unknown }[]> {
  const { page, baseUrl } = harness;
  const ids: string[] = [];
  for (const photo of photos) {
    const upload = await page.request.post(`${baseUrl}/api/assets`, {
      multipart: {
        file: {
          name: basename(photo),
          mimeType: 'image/jpeg',
          buffer: await readFile(corpusPath(photo)),
        },
      },
    });
    assert.ok(upload.ok(), `upload answered ${upload.status()}`);
    ids.push(((await upload.json()) as { id: string }).id);
  }
  const assets = [];
  for (const id of ids) {
    for (let tries = 0; ; tries++) {
      const asset = (await (await page.request.get(`${baseUrl}/api/assets/${id}`)).json()) as {
        id: string;
        status: string;
      };
      if (asset.status !== 'processing') {
        assets.push(asset);
        break;
      }
      assert.ok(tries < 300, `asset ${id} is still processing`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return assets;
}
