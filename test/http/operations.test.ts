import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rm } from 'node:fs/promises';
import { corpusFiles, corpusPath } from '../helpers/corpus.js';
import { releaseServicesFor } from '../helpers/stack.js';
import { buildMetricsApp } from '../../src/http/metrics/metrics.js';
import {
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

const METRICS_TOKEN = 'scrape-me';
const scrapeHeaders = { authorization: `Bearer ${METRICS_TOKEN}` };

describe('operations: health and metrics', () => {
  let t: TestApp;
  let admin: Session;

  before(async () => {
    t = await startTestApp({ env: { KEEPSAKE_METRICS_TOKEN: METRICS_TOKEN } });
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

    const res = await t.app.inject({ url: '/metrics', headers: scrapeHeaders });
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
  it("shows each vision step's progress over the assets, beside the queues' counts", async () => {
    // The duplicates step alone: the cheapest vision step (no model), enough to have step counts.
    const vision = await startTestApp({
      env: {
        KEEPSAKE_METRICS_TOKEN: METRICS_TOKEN,
        KEEPSAKE_VISION: 'true',
        KEEPSAKE_VISION_FACES: 'false',
        KEEPSAKE_VISION_OBJECTS: 'false',
        KEEPSAKE_VISION_OCR: 'false',
      },
    });
    try {
      const owner = await setupAdmin(vision.app);
      const [file] = await corpusFiles('jpeg-exif');
      const { id } = (await uploadFile(vision.app, owner, corpusPath(file!))).json();
      await waitForAsset(vision.app, owner, id);
      const res = await vision.app.inject({ url: '/metrics', headers: scrapeHeaders });
      assert.equal(res.statusCode, 200, res.body.slice(0, 300));
      assert.match(res.body, /keepsake_step_assets\{step="duplicates",state="total"\} 1/);
      assert.match(res.body, /keepsake_queue_jobs\{queue="vision",state="waiting"\} \d/);
      assert.doesNotMatch(res.body, /state="steps"/);
    } finally {
      await vision.close();
    }
  });

  it('names metrics as Prometheus expects (what promtool check metrics lints)', async () => {
    const body = (await t.app.inject({ url: '/metrics', headers: scrapeHeaders })).body;
    const types = [...body.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => ({
      name: name!,
      type: type!,
    }));
    assert.ok(types.length > 20, `${types.length} metrics`);
    const wrong = types.filter(
      ({ name, type }) =>
        (type === 'counter') !== name.endsWith('_total') ||
        name.includes('process_process') ||
        !name.startsWith('keepsake_'),
    );
    assert.deepEqual(wrong, [], 'counters and only counters end in _total; one prefix');
    assert.ok(types.some((m) => m.name === 'keepsake_process_resident_memory_bytes'));
  });

  it('keeps /metrics off the public port: a token opens it there, a port of its own serves it', async () => {
    assert.equal((await t.app.inject({ url: '/metrics' })).statusCode, 401, 'no token');
    const wrong = await t.app.inject({
      url: '/metrics',
      headers: { authorization: 'Bearer guess' },
    });
    assert.equal(wrong.statusCode, 401);

    const plain = await startTestApp({ workers: false });
    try {
      assert.equal((await plain.app.inject({ url: '/metrics' })).statusCode, 404, 'by default');
      const metricsApp = buildMetricsApp(plain.keepsake);
      try {
        await metricsApp.listen({ port: 0, host: '127.0.0.1' });
        const { port } = metricsApp.server.address() as { port: number };
        const res = await fetch(`http://127.0.0.1:${port}/metrics`);
        assert.equal(res.status, 200);
        assert.match(await res.text(), /keepsake_http_request_duration_seconds/);
      } finally {
        await metricsApp.close();
      }
    } finally {
      await plain.close();
    }
  });
});
