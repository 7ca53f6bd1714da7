import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { corpusPath, readTruth } from '../helpers/corpus.js';
import {
  ADMIN,
  createUser,
  login,
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type AssetBody,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';
import { expectedDurationSeconds } from '../helpers/video-truth-expectations.js';

const VIDEO = 'video/iPhone 6 with-gps.mov';
const PHOTO = 'orientation/Landscape_1.jpg';

describe('processing that failed, run again once the cause is fixed', () => {
  let first: TestApp;
  let t: TestApp;
  let admin: Session;
  let member: Session;
  const ids = { adminVideo: '', memberVideo: '', photo: '' };

  const post = (session: Session, url: string) =>
    t.app.inject({ method: 'POST', url, headers: session.headers });
  const get = (session: Session, url: string) => t.app.inject({ url, headers: session.headers });

  before(async () => {
    // First without ffprobe: both videos fail with the reason; the photo does not need it.
    first = await startTestApp({ env: { KEEPSAKE_FFPROBE_PATH: '/nonexistent/ffprobe' } });
    const firstAdmin = await setupAdmin(first.app);
    const firstMember = await createUser(first.app, firstAdmin, 'Mallory');
    const upload = async (session: Session, file: string) => {
      const res = await uploadFile(first.app, session, corpusPath(file));
      assert.equal(res.statusCode, 201, res.body);
      return (await waitForAsset(first.app, session, res.json<{ id: string }>().id)).id;
    };
    ids.adminVideo = await upload(firstAdmin, VIDEO);
    ids.memberVideo = await upload(firstMember, VIDEO);
    ids.photo = await upload(firstAdmin, PHOTO);
    await first.stop();
    // Then on the same data, with the real ffprobe; workers start once the requests are in, so
    // what the answers say does not depend on how fast a worker is.
    t = await startTestApp({ dataDir: first.dataDir, workers: false });
    admin = await login(t.app, ADMIN.email, ADMIN.password);
    member = await login(t.app, 'mallory@example.com', 'Mallory-password-123');
  });

  after(() => t.close());

  it('left the videos failed with a readable reason, and the photo ready', async () => {
    for (const [session, id] of [
      [admin, ids.adminVideo],
      [member, ids.memberVideo],
    ] as const) {
      const video = (await get(session, `/api/assets/${id}`)).json<AssetBody>();
      assert.equal(video.status, 'failed');
      assert.match(String(video.error), /^ffmpeg is not installed: .*KEEPSAKE_FFPROBE_PATH/);
    }
    const photo = (await get(admin, `/api/assets/${ids.photo}`)).json<AssetBody>();
    assert.equal(photo.status, 'ready', String(photo.error));
    const failed = await get(admin, '/api/jobs/failed-assets');
    assert.deepEqual(failed.json(), { count: 2 });
  });

  it('refuses someone else’s asset (404) and the admin routes to a member (403)', async () => {
    const other = await post(member, `/api/assets/${ids.adminVideo}/reprocess`);
    assert.equal(other.statusCode, 404);
    assert.equal(other.json<{ code: string }>().code, 'ASSET_NOT_FOUND');
    assert.equal((await post(member, '/api/jobs/retry-failed')).statusCode, 403);
    assert.equal((await get(member, '/api/jobs/failed-assets')).statusCode, 403);
    const unchanged = (await get(admin, `/api/assets/${ids.adminVideo}`)).json<AssetBody>();
    assert.equal(unchanged.status, 'failed');
  });

  it('queues the owner’s asset again, processing with its error cleared; 409 meanwhile', async () => {
    const res = await post(admin, `/api/assets/${ids.adminVideo}/reprocess`);
    assert.equal(res.statusCode, 202, res.body);
    const body = res.json<AssetBody>();
    assert.equal(body.status, 'processing');
    assert.equal(body.error, null);
    const again = await post(admin, `/api/assets/${ids.adminVideo}/reprocess`);
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<{ code: string }>().code, 'ASSET_STILL_PROCESSING');
  });

  it('queues every other failed asset, of every user, for an administrator', async () => {
    const res = await post(admin, '/api/jobs/retry-failed');
    assert.equal(res.statusCode, 200, res.body);
    // The admin's own video is processing already: only the member's is left to queue.
    assert.deepEqual(res.json(), { count: 1 });
    const video = (await get(member, `/api/assets/${ids.memberVideo}`)).json<AssetBody>();
    assert.equal(video.status, 'processing');
    assert.deepEqual((await get(admin, '/api/jobs/failed-assets')).json(), { count: 0 });
  });

  it('takes a ready photo through again too', async () => {
    const res = await post(admin, `/api/assets/${ids.photo}/reprocess`);
    assert.equal(res.statusCode, 202, res.body);
    assert.equal(res.json<AssetBody>().status, 'processing');
  });

  it('ends with the videos ready, with their duration, and the photo’s original untouched', async () => {
    t.keepsake.startWorkers();
    const seconds = expectedDurationSeconds(await readTruth(VIDEO));
    assert.ok(seconds);
    for (const [session, id] of [
      [admin, ids.adminVideo],
      [member, ids.memberVideo],
    ] as const) {
      const video = await waitForAsset(t.app, session, id);
      assert.equal(video.status, 'ready', String(video.error));
      assert.equal(video.error, null);
      assert.ok(Math.abs(Number(video.duration) - seconds) / seconds < 0.01, `${video.duration}`);
      const poster = await get(session, `/api/assets/${id}/thumbnail?size=thumbnail`);
      assert.equal(poster.statusCode, 200);
    }
    const bytes = await readFile(corpusPath(PHOTO));
    const photo = await waitForAsset(t.app, admin, ids.photo);
    assert.equal(photo.status, 'ready', String(photo.error));
    assert.equal(photo.checksum, createHash('sha256').update(bytes).digest('hex'));
    const original = await get(admin, `/api/assets/${ids.photo}/original`);
    assert.equal(original.statusCode, 200);
    assert.ok(original.rawPayload.equals(bytes));
  });
});
