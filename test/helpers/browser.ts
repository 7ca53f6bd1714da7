import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, isAbsolute, join } from 'node:path';
import { after, before } from 'node:test';
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
  // Whatever the app's Content-Security-Policy refuses (a script, a worker, media) fails the suite.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
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
 * Starts a harness before the suite's tests and closes it after them: call it inside `describe`.
 * The harness exists only once the suite has started, hence a getter for the tests to call.
 */
export function browserForSuite(name: string, options: HarnessOptions = {}): () => BrowserHarness {
  let harness: BrowserHarness | undefined;
  before(async () => {
    harness = await startBrowser(name, options);
  });
  after(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error(`the browser of "${name}" has not started`);
    return harness;
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

/** Where the API calls go: the harness, or another browser's page on the same server. */
export type ApiTarget = Pick<BrowserHarness, 'page' | 'baseUrl'>;

export interface Credentials {
  email: string;
  password: string;
}

/** Bob, the second user of the browser tests (added by the admin with `addUser`). */
export const BOB = { email: 'bob@example.com', password: 'bob-password-123', name: 'Bob' };

/**
 * Creates the admin through the API and signs the page's browser in (the session cookie is the
 * context's, so the page and page.request share it). Setup alone does not sign anyone in.
 */
export async function signInAdmin(harness: ApiTarget): Promise<void> {
  const { page, baseUrl } = harness;
  const setup = await page.request.post(`${baseUrl}/api/auth/setup`, { data: ADMIN });
  assert.ok(setup.ok(), `setup answered ${setup.status()}`);
  await signIn(harness, ADMIN);
}

/** Signs the target's browser in as `who` through the API, in place of whoever was signed in. */
export async function signIn(target: ApiTarget, who: Credentials): Promise<void> {
  const { page, baseUrl } = target;
  const login = await page.request.post(`${baseUrl}/api/auth/login`, {
    data: { email: who.email, password: who.password },
  });
  assert.ok(login.ok(), `sign-in of ${who.email} answered ${login.status()}`);
}

/** The signed-in admin adds `user` through the API; returns the user with the id it was given. */
export async function addUser<User extends Credentials & { name: string }>(
  harness: ApiTarget,
  user: User,
): Promise<User & { id: string }> {
  const { page, baseUrl } = harness;
  const created = await page.request.post(`${baseUrl}/api/users`, { data: user });
  assert.ok(created.ok(), `create user answered ${created.status()}`);
  return { ...user, id: ((await created.json()) as { id: string }).id };
}

/**
 * Partner sharing into the admin's timeline, through the API: `partner` (a user the signed-in
 * admin has added) uploads `photos` and shares their library with the admin, who then shows it in
 * her timeline. The admin is signed in again at the end. Returns the ids of the partner's photos.
 */
export async function partnerSharesIntoTimeline(
  harness: ApiTarget,
  partner: Credentials & { id: string },
  photos: readonly string[],
): Promise<string[]> {
  const { page, baseUrl } = harness;
  const me = await page.request.get(`${baseUrl}/api/users/me`);
  const adminId = ((await me.json()) as { id: string }).id;
  await signIn(harness, partner);
  const ids = (await uploadThroughApi(harness, photos)).map((a) => a.id);
  const shared = await page.request.post(`${baseUrl}/api/partners`, {
    data: { userId: adminId },
  });
  assert.ok(shared.ok(), `partner share answered ${shared.status()}`);
  await signIn(harness, ADMIN);
  const shown = await page.request.patch(`${baseUrl}/api/partners/${partner.id}`, {
    data: { inTimeline: true },
  });
  assert.ok(shown.ok(), `show in timeline answered ${shown.status()}`);
  return ids;
}

/** The asset as the API gives it to the target's browser; the answer must be a success. */
export async function getAsset<Asset>(target: ApiTarget, id: string): Promise<Asset> {
  const { page, baseUrl } = target;
  const response = await page.request.get(`${baseUrl}/api/assets/${id}`);
  assert.ok(response.ok(), `GET /api/assets/${id} answered ${response.status()}`);
  return (await response.json()) as Asset;
}

/**
 * Uploads fixture photos (corpus paths, or absolute ones such as visionFixture's) through the API
 * as the signed-in browser; waits until each is done.
 */
export async function uploadThroughApi(
  harness: ApiTarget,
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
          buffer: await readFile(isAbsolute(photo) ? photo : corpusPath(photo)),
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

/** Uploads an MP4 file through the API as the signed-in browser; the new asset's id. */
export async function uploadVideoThroughApi(target: ApiTarget, path: string): Promise<string> {
  const { page, baseUrl } = target;
  const upload = await page.request.post(`${baseUrl}/api/assets`, {
    multipart: {
      file: { name: basename(path), mimeType: 'video/mp4', buffer: await readFile(path) },
    },
  });
  assert.equal(upload.status(), 201, await upload.text());
  return ((await upload.json()) as { id: string }).id;
}

/**
 * Opens the viewer on the video and waits until its element has at least that readyState
 * (1: its size is known, 2: it has decoded a picture) and a width.
 */
export async function openVideoInViewer(
  target: ApiTarget,
  id: string,
  readyState: 1 | 2,
): Promise<void> {
  const { page, baseUrl } = target;
  await page.goto(`${baseUrl}/?view=${id}`);
  await page.locator('video.viewer-video').waitFor();
  await page.waitForFunction(
    (least) => {
      const v = document.querySelector('video.viewer-video') as {
        readyState: number;
        videoWidth: number;
      } | null;
      return !!v && v.readyState >= least && v.videoWidth > 0;
    },
    readyState,
    { timeout: 30_000 },
  );
}

/** The month heading right above the tile, as the timeline shows it. */
export async function monthOfTile(page: Page, id: string): Promise<string | undefined> {
  await page.locator(`[data-tile="${id}"]`).scrollIntoViewIfNeeded();
  return page.evaluate((tileId) => {
    const tile = document.querySelector(`[data-tile="${tileId}"]`)!.getBoundingClientRect().top;
    return [...document.querySelectorAll<HTMLElement>('.grid-month')]
      .map((h) => ({ label: h.textContent!, y: h.getBoundingClientRect().top }))
      .filter((h) => h.y < tile)
      .sort((a, b) => b.y - a.y)[0]?.label;
  }, id);
}
