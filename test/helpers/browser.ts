import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './test-app.js';

/** Where a failing browser test leaves its screenshots (git-ignored). */
export const SCREENSHOT_DIR = join(import.meta.dirname, '..', '..', 'test-results');

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
    executablePath: process.env.KEEPSAKE_CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
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
