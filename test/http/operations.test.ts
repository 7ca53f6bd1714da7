import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rm } from 'node:fs/promises';
import { corpusFiles, corpusPath } from '../helpers/corpus.js';
import { releaseServicesFor } from '../helpers/stack.js';
import {
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

describe('operations: health and metrics', () => {
  let t: TestApp;
  let admin: Session;

  before(async () => {
    t = await startTestApp();
    admin = await setupAdmin(t.app);
  });
  after(() => t.close());

  it('answers liveness and readiness', async () => {
    for (const url of ['/api/health/live', '/api/health/ready', '/api/health']) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 200, url);
      assert.deepEqual(res.json(), { status: 'ok' });
    }
  });

  it('is not ready, and says which service failed, once the database is gone', async () => {
    const other = await startTestApp();
    await other.keepsake.close(); // the database connection with it
    const res = await other.app.inject({ url: '/api/health/ready' });
    assert.equal(res.statusCode, 503);
    assert.match(res.json().message, /database/);
    assert.equal((await other.app.inject({ url: '/api/health/live' })).statusCode, 200);
    await other.app.close();
    await releaseServicesFor(other.dataDir);
    await rm(other.dataDir, { recursive: true, force: true });
  });

  it('exposes request latency by route, job outcomes and queue depth for Prometheus', async () => {
    const [file] = await corpusFiles('jpeg-exif');
    const { id } = (await uploadFile(t.app, admin, corpusPath(file!))).json();
    await waitForAsset(t.app, admin, id);
    await t.app.inject({ url: `/api/assets/${id}`, headers: admin.headers });

    const res = await t.app.inject({ url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    const body = res.body;
    // By route pattern, never by the asset's id.
    assert.match(
      body,
      /keepsake_http_request_duration_seconds_count\{method="GET",route="\/api\/assets\/:id",status="200"\} [1-9]/,
    );
    assert.ok(!body.includes(id), 'no series named after an asset');
    assert.match(body, /keepsake_jobs_total\{queue="metadata",outcome="completed"\} [1-9]/);
    assert.match(body, /keepsake_jobs_total\{queue="thumbnails",outcome="completed"\} [1-9]/);
    assert.match(
      body,
      /keepsake_job_duration_seconds_bucket\{le="\+Inf",queue="thumbnails",outcome="completed"\} [1-9]/,
    );
    assert.match(body, /keepsake_queue_jobs\{queue="thumbnails",state="completed"\} [1-9]/);
    assert.match(body, /keepsake_uploads_in_flight 0/);
  });
});
