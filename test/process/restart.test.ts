import assert from 'node:assert/strict';
import { rm } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import {
  login,
  setupAdmin,
  ADMIN,
  startTestApp,
  uploadFile,
  waitForAsset,
} from '../helpers/test-app.js';

describe('durable jobs across a restart', () => {
  it('finishes, after a restart, the jobs queued before it', async () => {
    const first = await startTestApp({ workers: false });
    const admin = await setupAdmin(first.app);
    const ids: string[] = [];
    for (const file of ['gps/HTC Desire.jpg', 'gps/mongolia.jpeg', 'jpeg-exif/IMG_8568.JPG']) {
      ids.push((await uploadFile(first.app, admin, corpusPath(file))).json().id);
    }
    const queued = (await first.app.inject({ url: '/api/jobs', headers: admin.headers })).json();
    assert.equal(queued.metadata.waiting, 3);
    await first.stop();

    const second = await startTestApp({ dataDir: first.dataDir });
    try {
      const session = await login(second.app, ADMIN.email, ADMIN.password);
      for (const id of ids)
        assert.equal((await waitForAsset(second.app, session, id)).status, 'ready');
      const jobs = (await second.app.inject({ url: '/api/jobs', headers: session.headers })).json();
      assert.deepEqual(jobs.metadata, { waiting: 0, active: 0, completed: 3, failed: 0 });
      assert.deepEqual(jobs.thumbnails, { waiting: 0, active: 0, completed: 3, failed: 0 });
    } finally {
      await second.stop();
      await rm(first.dataDir, { recursive: true, force: true });
    }
  });
});
