import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { corpusPath } from '../helpers/corpus.js';
import {
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type TestApp,
} from '../helpers/test-app.js';

// On the embedded stack (this folder never runs on the other): the jobs table is reachable.
describe('job runner: a file whose job never finishes', () => {
  let t: TestApp;
  before(async () => (t = await startTestApp({ workers: false })));
  after(() => t.close());

  it('ends failed with a reason once its starts are used up, and is not taken up again', async () => {
    const admin = await setupAdmin(t.app);
    const id = (await uploadFile(t.app, admin, corpusPath('gps/HTC Desire.jpg'))).json().id;
    // As if five workers had died holding its first job: each start counted, none finished.
    const db = new BetterSqlite3(join(t.dataDir, 'keepsake.db'));
    try {
      const changed = db
        .prepare(`update jobs set attempts = max_attempts where payload like ?`)
        .run(`%${id}%`).changes;
      assert.equal(changed, 1);
    } finally {
      db.close();
    }
    t.keepsake.startWorkers();
    const asset = await waitForAsset(t.app, admin, id);
    assert.equal(asset.status, 'failed');
    assert.match(String(asset.error), /never finished: the worker stopped each time/);
    const counts = (await t.keepsake.jobCounts()).metadata!;
    assert.deepEqual([counts.failed, counts.waiting, counts.active], [1, 0, 0]);
    // The asset and its original are kept: only its processing gave up.
    const original = await t.app.inject({
      url: `/api/assets/${id}/original`,
      headers: admin.headers,
    });
    assert.equal(original.statusCode, 200);
  });
});
