import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  browserForSuite,
  getAsset,
  openVideoInViewer,
  signInAdmin,
  steps,
  uploadVideoThroughApi,
  type BrowserHarness,
} from '../helpers/browser.js';
import { generateVideo } from '../helpers/video-files.js';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keepsake-browser-video-fit-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Uploads a generated clip of that size and waits until its playback step has decided. */
async function uploadClip(b: BrowserHarness, width: number, height: number): Promise<string> {
  const name = `clip-${width}x${height}.mp4`;
  const path = await generateVideo(join(dir, name), { seconds: 2, width, height });
  const id = await uploadVideoThroughApi(b, path);
  for (let tries = 0; ; tries++) {
    const asset = await getAsset<{ status: string; playback: { status: string } | null }>(b, id);
    if (asset.status !== 'processing' && asset.playback?.status !== 'pending') return id;
    assert.ok(tries < 600, 'the playback step finished');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens the viewer on the video, waits until it has a picture, and measures the layout. */
async function measure(b: BrowserHarness, id: string) {
  await openVideoInViewer(b, id, 1);
  const box = async (selector: string): Promise<Box | null> => {
    const element = b.page.locator(selector);
    return (await element.count()) > 0 ? element.first().boundingBox() : null;
  };
  const viewport = b.page.viewportSize()!;
  return {
    viewport: { x: 0, y: 0, ...viewport },
    stage: (await box('.viewer-main'))!,
    video: (await box('video.viewer-video'))!,
    toolbar: [await box('.viewer-top'), await box('.viewer-actions')],
  };
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

const intersects = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Where the browser draws the video's own controls: the bottom of its box. */
const controlsOf = (video: Box): Box => ({ ...video, y: video.y + video.height - 50, height: 50 });

const show = (value: unknown) => JSON.stringify(value);

describe('web app: a video fits the viewer on a laptop, controls included', () => {
  const browser = browserForSuite('video-fit-laptop');

  it('fits a portrait and a landscape video in a 1366 x 768 window', async () => {
    const b = browser();
    await b.page.setViewportSize({ width: 1366, height: 768 });
    let clips: { portrait: string; landscape: string } = { portrait: '', landscape: '' };
    await steps(b, [
      [
        'a portrait and a landscape video',
        async () => {
          await signInAdmin(b);
          clips = {
            portrait: await uploadClip(b, 360, 640),
            landscape: await uploadClip(b, 640, 360),
          };
        },
      ],
      ...Object.entries({ portrait: 'portrait', landscape: 'landscape' }).map(
        ([label, key]): [string, () => Promise<void>] => [
          `the ${label} video lies within the stage and the window`,
          async () => {
            const m = await measure(b, clips[key as keyof typeof clips]);
            assert.ok(inside(m.video, m.stage), `video ${show(m.video)} in ${show(m.stage)}`);
            assert.ok(inside(m.video, m.viewport), `video ${show(m.video)} in ${show(m.viewport)}`);
            assert.ok(m.video.height > 300, `the video is drawn large: ${show(m.video)}`);
          },
        ],
      ),
    ]);
  });
});

describe('web app: a video fits the viewer on a phone, its controls clear of the toolbar', () => {
  const browser = browserForSuite('video-fit-phone', { phone: true });

  it('fits a portrait video, and the toolbar leaves its controls uncovered', async () => {
    const b = browser();
    let id = '';
    await steps(b, [
      [
        'a portrait video',
        async () => {
          await signInAdmin(b);
          id = await uploadClip(b, 360, 640);
        },
      ],
      [
        'the video lies within the window, and no toolbar covers its controls',
        async () => {
          const m = await measure(b, id);
          assert.ok(inside(m.video, m.viewport), `video ${show(m.video)} in ${show(m.viewport)}`);
          assert.ok(m.video.height > 300, `the video is drawn large: ${show(m.video)}`);
          const controls = controlsOf(m.video);
          for (const bar of m.toolbar)
            if (bar)
              assert.ok(
                !intersects(bar, controls),
                `toolbar ${show(bar)} over the controls ${show(controls)}`,
              );
        },
      ],
    ]);
  });
});
