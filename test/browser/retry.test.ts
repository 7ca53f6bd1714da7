import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  signInAdmin,
  startBrowser,
  steps,
  uploadThroughApi,
  type BrowserHarness,
} from '../helpers/browser.js';

const VIDEOS = ['video/iPhone 6 with-gps.mov', 'video/MVC-009W.MPG'];

/** The ffprobe on PATH, as the server would find it. */
function systemFfprobe(): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'ffprobe');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('ffprobe is not on PATH');
}

interface Uploaded {
  id: string;
  status: string;
  error: string | null;
}

describe('web app: processing that failed, tried again', () => {
  let b: BrowserHarness;
  let toolDir: string;
  before(async () => {
    // ffprobe is "installed" later, where the server was told to look for it.
    toolDir = await mkdtemp(join(tmpdir(), 'keepsake-tools-'));
    b = await startBrowser('retry', { env: { KEEPSAKE_FFPROBE_PATH: join(toolDir, 'ffprobe') } });
  });
  after(async () => {
    await b.close();
    await rm(toolDir, { recursive: true, force: true });
  });

  it('tries one video again from the viewer, and every failed one from the admin page', async () => {
    const { page } = b;
    const asset = async (id: string): Promise<Uploaded> =>
      (await page.request.get(`${b.baseUrl}/api/assets/${id}`)).json() as Promise<Uploaded>;
    const untilReady = async (id: string) => {
      for (let tries = 0; ; tries++) {
        const a = await asset(id);
        if (a.status === 'ready') return;
        assert.ok(a.status === 'processing' && tries < 600, `${id}: ${a.status} ${a.error}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    let ids: string[] = [];

    await steps(b, [
      [
        'two videos fail while ffprobe is missing; then it is installed',
        async () => {
          await signInAdmin(b);
          const uploaded = (await uploadThroughApi(b, VIDEOS)) as unknown as Uploaded[];
          for (const video of uploaded) {
            assert.equal(video.status, 'failed');
            assert.match(String(video.error), /^ffmpeg is not installed/);
          }
          ids = uploaded.map((v) => v.id);
          await symlink(systemFfprobe(), join(toolDir, 'ffprobe'));
        },
      ],
      [
        'the viewer’s info panel shows the reason, and “Try again” processes it',
        async () => {
          await page.goto(`${b.baseUrl}/?view=${ids[0]}`);
          const dialog = page.getByRole('dialog', { name: 'Photo viewer' });
          await dialog.waitFor();
          await dialog.getByRole('button', { name: 'Info', exact: true }).click();
          const info = dialog.getByRole('complementary', { name: 'Info' });
          await info.getByText('ffmpeg is not installed', { exact: false }).waitFor();
          await info.getByRole('button', { name: 'Try again' }).click();
          // Processing, then ready: the problem and its button go.
          await info.getByRole('button', { name: 'Try again' }).waitFor({ state: 'detached' });
          await untilReady(ids[0]!);
          await page.keyboard.press('Escape');
        },
      ],
      [
        'the admin page counts the failed one; “Retry failed” queues it after a confirmation',
        async () => {
          await page.goto(`${b.baseUrl}/admin`);
          await page.getByRole('heading', { name: 'Administration' }).waitFor();
          await page.getByText('1 photo or video failed processing.').waitFor();
          page.once('dialog', (confirmation) => void confirmation.accept());
          await page.getByRole('button', { name: 'Retry failed' }).click();
          await page
            .getByRole('status')
            .filter({ hasText: '1 photo or video queued to be processed again.' })
            .waitFor();
          await untilReady(ids[1]!);
          await page.getByRole('button', { name: 'Retry failed' }).waitFor({ state: 'detached' });
        },
      ],
    ]);
  });
});
