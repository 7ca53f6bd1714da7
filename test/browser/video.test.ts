import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  openVideoInViewer,
  signInAdmin,
  startBrowser,
  steps,
  uploadVideoThroughApi,
  type BrowserHarness,
} from '../helpers/browser.js';
import { generateVideo } from '../helpers/video-files.js';

interface VideoAsset {
  id: string;
  playback: { status: string; hls: boolean } | null;
}

describe('web app: video playback in the viewer', () => {
  let b: BrowserHarness;
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'keepsake-browser-video-'));
    b = await startBrowser('video');
  });
  after(async () => {
    await b.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** Uploads a generated clip and waits until its playback step has decided. */
  async function uploadClip(seconds: number): Promise<VideoAsset> {
    const path = await generateVideo(join(dir, `clip-${seconds}s.mp4`), {
      seconds,
      width: 160,
      height: 120,
    });
    const id = await uploadVideoThroughApi(b, path);
    for (let tries = 0; ; tries++) {
      const asset = (await (
        await b.page.request.get(`${b.baseUrl}/api/assets/${id}`)
      ).json()) as VideoAsset;
      if (asset.playback && asset.playback.status !== 'pending') return asset;
      assert.ok(tries < 600, 'the playback step finished');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Opens the viewer on the video and waits until it has decoded a picture. */
  async function playsInViewer(id: string): Promise<string[]> {
    const fetched: string[] = [];
    const watch = (request: { url(): string }) => fetched.push(new URL(request.url()).pathname);
    b.page.on('request', watch);
    try {
      await openVideoInViewer(b, id, 2);
      return fetched;
    } finally {
      b.page.off('request', watch);
    }
  }

  it('plays a long video adaptively from its HLS set, and a short one from /video', async () => {
    await steps(b, [['signed in', () => signInAdmin(b)]]);
    const long = await uploadClip(35);
    const short = await uploadClip(3);
    assert.equal(long.playback?.hls, true);
    assert.equal(short.playback?.hls, false);
    await steps(b, [
      [
        'the long one through its HLS playlist and segments',
        async () => {
          const fetched = await playsInViewer(long.id);
          assert.ok(fetched.includes(`/api/assets/${long.id}/hls/index.m3u8`), fetched.join(' '));
          assert.ok(
            fetched.some((p) => p.startsWith(`/api/assets/${long.id}/hls/`) && p.endsWith('.ts')),
            'a segment was fetched',
          );
        },
      ],
      [
        'the short one from /video',
        async () => {
          const fetched = await playsInViewer(short.id);
          assert.ok(fetched.includes(`/api/assets/${short.id}/video`), fetched.join(' '));
        },
      ],
    ]);
  });
});
