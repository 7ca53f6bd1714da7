import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM } from '../test/helpers/browser.js';
import { api, BENCH_USER, login, ROOT, startKeepsake, type Child } from './lib.js';
import { ensureTimelineData } from './seed-db.js';

// The functions passed to page.evaluate run in the browser: see test/helpers/browser-globals.d.ts.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type BrowserElement = any;

export const BROWSER_ASSETS = 100_000;
const MONTHS_SCROLLED = 50;
const SCROLL_SECONDS = 10;

export interface PageFigures {
  /** From navigation start until the first screen of thumbnails has been painted. */
  firstScreenMs: number;
  /** Frames per second while scrolling at an even speed. */
  fps: number;
  /** Slowest 5 % of frames. */
  p95FrameMs: number;
  /** Most DOM elements at any moment of the scroll. */
  maxDomNodes: number;
  /** JavaScript bytes over the wire on first load (compressed as sent). */
  jsBytes: number;
}

export interface BrowserRun {
  keepsake: PageFigures;
  empty: PageFigures;
  months: number;
}

/**
 * The web app on a 100,000-asset library (SQLite; every thumbnail a real image from a shared
 * set), in Debian's chromium driven by playwright-core, beside an empty page from the same server
 * measured the same way: first screen, scrolling through 50 months, DOM size, JS transferred.
 */
export async function measureBrowser(): Promise<BrowserRun> {
  buildServerAndWebApp();
  const dataDir = await ensureTimelineData(BROWSER_ASSETS, 'shared');
  const server = await startKeepsake('browser-keepsake', dataDir, {}, { compiled: false });
  const profile = await mkdtemp(join(tmpdir(), 'keepsake-bench-chromium-'));
  try {
    const token = await login(server.url);
    const buckets = await api<{ bucket: string }[]>(`${server.url}/api/timeline/buckets`, {
      token,
    });
    const context = await chromium.launchPersistentContext(profile, {
      ...CHROMIUM,
      viewport: { width: 1280, height: 800 },
    });
    try {
      // tsx (esbuild) wraps named functions in a `__name` helper, which the functions passed to
      // page.evaluate take into the page: give the page a do-nothing one.
      await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
      const page = context.pages()[0] ?? (await context.newPage());
      await page.request.post(`${server.url}/api/auth/login`, {
        data: { email: BENCH_USER.email, password: BENCH_USER.password },
      });
      const empty = await measureEmptyPage(page, server);
      const keepsake = await measureTimeline(page, server, buckets.length);
      return { keepsake, empty, months: buckets.length };
    } finally {
      await context.close();
    }
  } finally {
    await server.stop();
    await rm(profile, { recursive: true, force: true });
  }
}

function buildServerAndWebApp(): void {
  const result = spawnSync(process.execPath, ['scripts/ensure-ready.mjs', '--build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('building the web app failed');
}

async function measureTimeline(page: Page, server: Child, months: number): Promise<PageFigures> {
  const started = Date.now();
  await page.goto(`${server.url}/`);
  await page.waitForFunction(firstScreenPainted, undefined, { timeout: 60_000, polling: 50 });
  const firstScreenMs = Date.now() - started;
  const jsBytes = await scriptBytes(page);
  // The scroller is the element that scrolls furthest; the distance is 50 months' share of it.
  const scroll = await page.evaluate(scrollEvenly, {
    fraction: Math.min(1, MONTHS_SCROLLED / months),
    seconds: SCROLL_SECONDS,
  });
  return { firstScreenMs, jsBytes, ...scroll };
}

async function measureEmptyPage(page: Page, server: Child): Promise<PageFigures> {
  const started = Date.now();
  await page.goto(`${server.url}/api/health/live`);
  await page.waitForLoadState('load');
  const firstScreenMs = Date.now() - started;
  const jsBytes = await scriptBytes(page);
  // The same scroll over a page as tall as it needs to be, holding nothing.
  await page.evaluate(() => {
    document.body.innerHTML = '<div style="height: 2000000px"></div>';
  });
  const scroll = await page.evaluate(scrollEvenly, { fraction: 0.5, seconds: SCROLL_SECONDS });
  return { firstScreenMs, jsBytes, ...scroll };
}

/** Runs in the page: every thumbnail inside the viewport has loaded and there is at least one. */
function firstScreenPainted(): boolean {
  const images = [...document.querySelectorAll('img[src*="/thumbnail"]')] as BrowserElement[];
  const inView = images.filter((img: BrowserElement) => {
    const r = img.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight && r.width > 0;
  });
  return inView.length > 0 && inView.every((img) => img.complete && img.naturalWidth > 0);
}

async function scriptBytes(page: Page): Promise<number> {
  return page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter(
        (e) =>
          (e as unknown as { initiatorType: string }).initiatorType === 'script' ||
          e.name.endsWith('.js'),
      )
      .reduce((n, e) => n + (e as unknown as { transferSize: number }).transferSize, 0),
  );
}

/** Runs in the page: scrolls the furthest-scrolling element evenly, counting frames and nodes. */
async function scrollEvenly(options: { fraction: number; seconds: number }) {
  const candidates = [document.scrollingElement, ...document.querySelectorAll('*')].filter(
    (e: BrowserElement) => !!e && e.scrollHeight > e.clientHeight + 10,
  ) as BrowserElement[];
  const scroller = candidates.sort(
    (a: BrowserElement, b: BrowserElement) =>
      b.scrollHeight - b.clientHeight - (a.scrollHeight - a.clientHeight),
  )[0];
  if (!scroller) throw new Error('nothing scrolls');
  const distance = (scroller.scrollHeight - scroller.clientHeight) * options.fraction;
  const frames: number[] = [];
  let maxDomNodes = document.getElementsByTagName('*').length;
  await new Promise<void>((resolve) => {
    const start = performance.now();
    let last = start;
    const step = (now: number) => {
      frames.push(now - last);
      last = now;
      const progress = Math.min(1, (now - start) / (options.seconds * 1000));
      scroller.scrollTop = distance * progress;
      if (frames.length % 5 === 0)
        maxDomNodes = Math.max(maxDomNodes, document.getElementsByTagName('*').length);
      if (progress < 1) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  const sorted = frames.slice(1).sort((a, b) => a - b);
  return {
    fps: sorted.length / options.seconds,
    p95FrameMs: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    maxDomNodes,
  };
}
