import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import pg from 'pg';
import sharp from 'sharp';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import {
  S3RVER_CREDENTIALS,
  s3StoreFor,
  startS3Server,
  type S3TestServer,
} from '../helpers/s3-server.js';
import { startServerProcess, stopProcess, type ServerProcess } from '../helpers/server-process.js';
import { REDIS_URL } from '../helpers/stack.js';
import { ADMIN } from '../helpers/test-app.js';

/*
 * Issue 3 (scale-out), end to end with real processes: two API processes and two worker processes
 * share one PostgreSQL database, one S3 store (s3rver) and one BullMQ queue (Redis). 300 uploads
 * are spread over both API processes and one worker is SIGKILLed part-way. Every asset must end
 * ready, readable through either API process; no job may be lost, failed or completed twice.
 *
 * This file builds its own stack whatever KEEPSAKE_TEST_STACK says, so it runs once, in the
 * runner's first pass (test/process is not in the scale-out pass).
 */

const UPLOADS = 300;
/** Uploads acknowledged before the kill may happen: about a third of the way. */
const KILL_AFTER = 100;
const UPLOADS_IN_FLIGHT = 4;
const QUEUES = ['metadata', 'thumbnails'] as const;
/**
 * KEEPSAKE_QUEUE_STALLED_INTERVAL_MS for the workers: a killed worker's jobs go back to the
 * queue within about twice this (30 s by default, which would make the test a minute slower).
 */
const STALLED_INTERVAL_MS = 4000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` on every item, `limit` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: limit }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

/** A 64×48 JPEG of random noise: every one has its own bytes, hence its own checksum. */
const noiseJpeg = () =>
  sharp(randomBytes(64 * 48 * 3), { raw: { width: 64, height: 48, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/** The sum of a Prometheus metric's samples whose labels include `labels`. */
function metricSum(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    const match = new RegExp(`^${name}(?:\\{([^}]*)\\})? (\\S+)$`).exec(line);
    if (!match) continue;
    const found = Object.fromEntries(
      [...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value))
      sum += Number(match[2]);
  }
  return sum;
}

/**
 * The processes `pid` started, and theirs (Linux /proc): the ExifTool processes of a worker. A
 * killed worker leaves them running (ExifTool's -stay_open keeps reading after end of input), as
 * a container runtime or systemd would not; the test ends them by id.
 */
async function descendantsOf(pid: number): Promise<number[]> {
  const parents = new Map<number, number>();
  for (const entry of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parents.set(Number(entry), ppid);
  }
  const found: number[] = [];
  const walk = (parent: number) => {
    for (const [child, ppid] of parents)
      if (ppid === parent) {
        found.push(child);
        walk(child);
      }
  };
  walk(pid);
  return found;
}

function killAll(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
}

const METRICS_TOKEN = 'scale-out-scrape';

async function scrape(server: ServerProcess): Promise<string> {
  const res = await fetch(`${server.url}/metrics`, {
    headers: { authorization: `Bearer ${METRICS_TOKEN}` },
  });
  assert.equal(res.status, 200);
  return res.text();
}

/** What a process wrote, for a failure message. */
const tail = (server: ServerProcess | undefined, name: string) =>
  server ? `\n--- ${name} ---\n${server.output().slice(-3000)}` : '';

interface StreamEvent {
  event: string;
  jobId: string;
}

describe('scaled out: 2 API processes and 2 workers on PostgreSQL, S3 and BullMQ', () => {
  const id = randomBytes(6).toString('hex');
  const queuePrefix = `keepsake-test-scale-${id}`;
  let database: TestDatabase | undefined;
  let s3: S3TestServer | undefined;
  let redis: Redis | undefined;
  let dataRoot: string | undefined;
  let apiA: ServerProcess | undefined;
  let apiB: ServerProcess | undefined;
  let worker1: ServerProcess | undefined;
  let worker2: ServerProcess | undefined;
  let auth: Record<string, string> = {};
  let env: (role: string, name: string) => Record<string, string> = () => ({});
  const logs = () =>
    tail(apiA, 'api A') +
    tail(apiB, 'api B') +
    tail(worker1, 'worker 1') +
    tail(worker2, 'worker 2');

  /** What each acknowledged upload sent, by asset id. */
  const uploaded = new Map<string, Buffer>();
  /** Worker 1's last `/metrics`, scraped just before it was killed. */
  let lastScrapeOfKilled = '';
  /** Jobs were waiting when worker 1 was killed: all its workers were busy, it died holding jobs. */
  let killedWithBacklog = false;

  before(async () => {
    dataRoot = await mkdtemp(join(tmpdir(), 'keepsake-scale-out-'));
    [database, s3] = await Promise.all([createTestDatabase(), startS3Server('keepsake-scale-out')]);
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    env = (role: string, name: string): Record<string, string> => ({
      KEEPSAKE_ROLE: role,
      // Each process has a data folder of its own: nothing is shared through the local disk.
      KEEPSAKE_DATA_DIR: join(dataRoot!, name),
      // And a temporary folder of its own (where workers copy originals), to look into after.
      TMPDIR: join(dataRoot!, name, 'tmp'),
      KEEPSAKE_DATABASE_URL: database!.url,
      KEEPSAKE_STORAGE_URL: `s3://${s3!.bucket}/${id}`,
      KEEPSAKE_S3_FORCE_PATH_STYLE: 'true',
      KEEPSAKE_QUEUE_URL: REDIS_URL,
      KEEPSAKE_QUEUE_PREFIX: queuePrefix,
      KEEPSAKE_QUEUE_STALLED_INTERVAL_MS: String(STALLED_INTERVAL_MS),
      KEEPSAKE_JOB_RETRY_BASE_MS: '200',
      KEEPSAKE_LOGIN_RATE_LIMIT: '1000',
      KEEPSAKE_METRICS_TOKEN: METRICS_TOKEN,
      // One server secret for all: it seals shared link keys (docs/configuration.md).
      KEEPSAKE_SECRET: 'the-scale-out-test-secret-shared-by-every-process',
      AWS_ENDPOINT_URL_S3: s3!.endpoint,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    });
    // The first one migrates the empty database; the others then start side by side, each kept
    // as soon as it is up so that `after` stops it even if another one fails to start.
    for (const name of ['api-a', 'api-b', 'worker-1', 'worker-2'])
      await mkdir(join(dataRoot, name, 'tmp'), { recursive: true });
    apiA = await startServerProcess(env('api', 'api-a'));
    const started = await Promise.allSettled([
      startServerProcess(env('api', 'api-b')).then((server) => (apiB = server)),
      startServerProcess(env('worker', 'worker-1')).then((server) => (worker1 = server)),
      startServerProcess(env('worker', 'worker-2')).then((server) => (worker2 = server)),
    ]);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  });

  after(async () => {
    // Every step runs, whatever failed before it.
    const stop = async (server: ServerProcess | undefined) => {
      if (!server) return;
      const left = await descendantsOf(server.child.pid!);
      const forced = setTimeout(() => server.child.kill('SIGKILL'), 20_000);
      await stopProcess(server.child, 'SIGTERM').catch(() => server.child.kill('SIGKILL'));
      clearTimeout(forced);
      // A process that had to be killed did not stop its ExifTool processes.
      if (server.child.signalCode === 'SIGKILL') killAll(left);
    };
    await Promise.allSettled([apiA, apiB, worker1, worker2].map(stop));
    const cleanUps = [
      async () => database?.drop(),
      async () => {
        if (!redis) return;
        for await (const keys of redis.scanStream({ match: `${queuePrefix}:*`, count: 500 })) {
          if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
        }
      },
      async () => redis?.disconnect(),
      async () => s3?.close(),
      async () => dataRoot && rm(dataRoot, { recursive: true, force: true }),
    ];
    for (const cleanUp of cleanUps) await cleanUp().catch((e) => console.error('clean-up:', e));
  });

  it('signs in through one API process and uses the session through the other', async () => {
    const json = { 'content-type': 'application/json' };
    const setup = await fetch(`${apiA!.url}/api/auth/setup`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(ADMIN),
    });
    assert.equal(setup.status, 201, await setup.text());
    const login = await fetch(`${apiA!.url}/api/auth/login`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
    });
    assert.equal(login.status, 200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    auth = { authorization: `Bearer ${accessToken}` };
    // Sessions live in the database: B knows a token A gave out.
    const me = await fetch(`${apiB!.url}/api/users/me`, { headers: auth });
    const body = await me.text();
    assert.equal(me.status, 200, body);
    assert.equal((JSON.parse(body) as { email: string }).email, ADMIN.email);
  });

  it('copies a shared link made through one API process again through the other', async () => {
    const json = { ...auth, 'content-type': 'application/json' };
    const album = await fetch(`${apiA!.url}/api/albums`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'Shared' }),
    });
    assert.equal(album.status, 201, await album.clone().text());
    const { id: albumId } = (await album.json()) as { id: string };
    const made = await fetch(`${apiA!.url}/api/shared-links`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ albumId }),
    });
    assert.equal(made.status, 201, await made.clone().text());
    const { id, url } = (await made.json()) as { id: string; url: string };
    const listed = (await (
      await fetch(`${apiB!.url}/api/shared-links`, { headers: auth })
    ).json()) as { id: string; url: string | null }[];
    assert.equal(listed.find((link) => link.id === id)?.url, url);
  });

  it(`takes ${UPLOADS} uploads through both API processes while a worker is SIGKILLed`, async (t) => {
    const files = await Promise.all(Array.from({ length: UPLOADS }, noiseJpeg));
    assert.equal(new Set(files.map(sha256)).size, UPLOADS, 'every file has its own checksum');

    let acknowledged = 0;
    let killed: Promise<void> | undefined;
    let checking = false;
    /**
     * Kills worker 1 once a third of the uploads are in, it has finished jobs, and there is a
     * backlog: with jobs waiting, both of its workers per queue are busy, so it dies holding jobs.
     */
    const maybeKill = async () => {
      if (killed || checking || acknowledged < KILL_AFTER) return;
      checking = true;
      try {
        const metrics = await scrape(worker1!);
        const done = metricSum(metrics, 'keepsake_jobs_total');
        const waiting = metricSum(metrics, 'keepsake_queue_jobs', { state: 'waiting' });
        const active = metricSum(metrics, 'keepsake_queue_jobs', { state: 'active' });
        // Where the workers keep up with the uploads, it is killed near the end all the same.
        const lastChance = acknowledged >= UPLOADS - 2 * UPLOADS_IN_FLIGHT;
        if (killed || !(done > 0 && ((waiting > 0 && active > 0) || lastChance))) return;
        lastScrapeOfKilled = metrics;
        killedWithBacklog = waiting > 0 && active > 0;
        t.diagnostic(
          `SIGKILL worker 1 after ${acknowledged} uploads: it had finished ${done} jobs; ` +
            `${waiting} waiting, ${active} active`,
        );
        const left = await descendantsOf(worker1!.child.pid!);
        killed = stopProcess(worker1!.child, 'SIGKILL').then(() => killAll(left));
      } finally {
        checking = false;
      }
    };

    const indexes = Array.from({ length: UPLOADS }, (_, i) => i);
    await eachLimited(indexes, UPLOADS_IN_FLIGHT, async (i) => {
      const api = i % 2 === 0 ? apiA! : apiB!;
      const form = new FormData();
      form.append('file', new Blob([files[i]!], { type: 'image/jpeg' }), `noise-${i}.jpg`);
      const res = await fetch(`${api.url}/api/assets`, {
        method: 'POST',
        headers: auth,
        body: form,
      });
      const body = await res.text();
      assert.equal(res.status, 201, `upload ${i}: ${body}`);
      const { id: assetId, status } = JSON.parse(body) as { id: string; status: string };
      assert.equal(status, 'created');
      assert.ok(!uploaded.has(assetId), `upload ${i} answered an id already given: ${assetId}`);
      uploaded.set(assetId, files[i]!);
      acknowledged++;
      await maybeKill();
    });
    assert.ok(killed, 'worker 1 was killed while uploads were going on');
    await killed;
    assert.equal(worker1!.child.signalCode, 'SIGKILL');
    assert.equal(uploaded.size, UPLOADS, 'every upload answered 201 with an id of its own');
  });

  it('brings every asset to ready, the killed worker’s jobs taken by the other', async (t) => {
    const started = Date.now();
    const deadline = started + 120_000;
    for (let round = 0; ; round++) {
      const api = round % 2 === 0 ? apiA! : apiB!;
      const res = await fetch(`${api.url}/api/assets?limit=1000`, { headers: auth });
      assert.equal(res.status, 200);
      const { assets } = (await res.json()) as { assets: { id: string; status: string }[] };
      const statuses: Record<string, number> = {};
      for (const asset of assets) statuses[asset.status] = (statuses[asset.status] ?? 0) + 1;
      if (statuses.ready === UPLOADS && assets.length === UPLOADS) break;
      assert.equal(statuses.failed ?? 0, 0, `no asset fails: ${JSON.stringify(statuses)}`);
      if (Date.now() > deadline)
        assert.fail(`assets not all ready after 120 s: ${JSON.stringify(statuses)}${logs()}`);
      await sleep(250);
    }
    t.diagnostic(
      `all ${UPLOADS} ready ${((Date.now() - started) / 1000).toFixed(1)} s after the last upload`,
    );
  });

  it('serves every asset, thumbnail and original through both API processes', async () => {
    await eachLimited([...uploaded.keys()], 6, async (assetId) => {
      const sent = uploaded.get(assetId)!;
      const [viaA, viaB] = [apiA!, apiB!];
      const asset = (await (
        await fetch(`${viaB.url}/api/assets/${assetId}`, { headers: auth })
      ).json()) as { status: string; checksum: string; thumbnailVersion: string | null };
      assert.equal(asset.status, 'ready');
      assert.equal(asset.checksum, sha256(sent));
      assert.ok(asset.thumbnailVersion, `${assetId} has renditions`);

      const thumbnails: Buffer[] = [];
      for (const api of [viaA, viaB]) {
        const res = await fetch(`${api.url}/api/assets/${assetId}/thumbnail`, { headers: auth });
        assert.equal(res.status, 200, `thumbnail of ${assetId} through ${api.url}`);
        assert.equal(res.headers.get('content-type'), 'image/webp');
        thumbnails.push(Buffer.from(await res.arrayBuffer()));
      }
      assert.ok(thumbnails[0]!.length > 0);
      assert.ok(
        thumbnails[0]!.equals(thumbnails[1]!),
        'both API processes serve the same thumbnail',
      );

      const api = assetId < '8' ? viaA : viaB; // about half the originals through each
      const res = await fetch(`${api.url}/api/assets/${assetId}/original`, { headers: auth });
      assert.equal(res.status, 200);
      assert.ok(Buffer.from(await res.arrayBuffer()).equals(sent), `original of ${assetId}`);
    });
  });

  it('has completed each job once: none lost, failed, left behind or completed twice', async (t) => {
    // The thumbnails job is completed in BullMQ just after its handler marked the asset ready.
    const deadline = Date.now() + 15_000;
    let counts: Record<string, Record<string, number>> = {};
    for (;;) {
      const res = await fetch(`${apiB!.url}/api/jobs`, { headers: auth });
      assert.equal(res.status, 200);
      counts = (await res.json()) as typeof counts;
      if (QUEUES.every((q) => counts[q]?.completed === UPLOADS) || Date.now() > deadline) break;
      await sleep(200);
    }
    const expected = { waiting: 0, active: 0, completed: UPLOADS, failed: 0 };
    for (const api of [apiA!, apiB!]) {
      const res = await fetch(`${api.url}/api/jobs`, { headers: auth });
      const seen = (await res.json()) as typeof counts;
      for (const queue of QUEUES)
        assert.deepEqual(seen[queue], expected, `${queue} jobs, as ${api.url} reports them`);
    }

    /*
     * "Completed" counts alone would miss a double completion: BullMQ's completed set holds each
     * job id once, however often it is finished. So this reads two records BullMQ keeps in Redis:
     * - the completed jobs themselves: exactly one per asset and step. A step queued again for an
     *   asset (say, the follow-up of a job that ran again after the kill) is a second job.
     * - each queue's event stream, where every finish of a job appends a `completed` event: a job
     *   finished twice (say, by a worker that lost its lock and by the one that took the job over)
     *   shows twice. The stream keeps the last ~10 000 events and these queues write ~5 per job;
     *   a trimmed stream would fail the check below, not pass it.
     * The handlers' own tally in /metrics (keepsake_jobs_total) is only reported: it counts runs,
     * and a job taken from a killed worker runs again by design (at-least-once, idempotent).
     */
    const assetIds = [...uploaded.keys()].sort();
    let stalled = 0;
    for (const queue of QUEUES) {
      const key = `${queuePrefix}:${queue}`;
      const completedIds = await redis!.zrange(`${key}:completed`, '0', '-1');
      assert.equal(completedIds.length, UPLOADS, `${queue}: completed jobs`);
      const jobAssets = await Promise.all(
        completedIds.map(async (jobId) => {
          const data = await redis!.hget(`${key}:${jobId}`, 'data');
          return String((JSON.parse(data ?? '{}') as { assetId?: string }).assetId);
        }),
      );
      assert.deepEqual(jobAssets.sort(), assetIds, `${queue}: one completed job per asset`);

      const events: StreamEvent[] = (await redis!.xrange(`${key}:events`, '-', '+')).map(
        ([, fields]) => {
          const record: Record<string, string> = {};
          for (let i = 0; i < fields.length; i += 2) record[fields[i]!] = fields[i + 1]!;
          return { event: record.event ?? '', jobId: record.jobId ?? '' };
        },
      );
      const completions = new Map<string, number>();
      for (const { event, jobId } of events)
        if (event === 'completed') completions.set(jobId, (completions.get(jobId) ?? 0) + 1);
      const twice = [...completions].filter(([, n]) => n > 1);
      assert.deepEqual(twice, [], `${queue}: jobs completed more than once`);
      assert.deepEqual(
        [...completions.keys()].sort(),
        [...completedIds].sort(),
        `${queue}: one completed event for each completed job, and none for any other`,
      );
      stalled += events.filter((e) => e.event === 'stalled').length;
    }
    // The kill left jobs held by a dead worker; the other worker took them back after their locks
    // ran out (not a restart, a replacement or a retry).
    if (killedWithBacklog)
      assert.ok(stalled > 0, 'the killed worker died holding jobs, which went back to the queue');
    else t.diagnostic('no backlog when worker 1 was killed: it may have held no job');

    const survivor = await scrape(worker2!);
    const runs = (metrics: string) =>
      QUEUES.map((queue) =>
        metricSum(metrics, 'keepsake_jobs_total', { queue, outcome: 'completed' }),
      );
    const [killedRuns, survivorRuns] = [runs(lastScrapeOfKilled), runs(survivor)];
    assert.ok(survivorRuns.every((n) => n > 0) && killedRuns.some((n) => n > 0), 'both worked');
    t.diagnostic(
      `handler runs (metadata, thumbnails): worker 1 ≥ ${killedRuns.join(', ')} before its kill, ` +
        `worker 2 ${survivorRuns.join(', ')}; ${stalled} job(s) taken back from worker 1`,
    );

    // Nothing is left on its way anywhere: the outbox is relayed, the store holds what it should.
    const client = new pg.Client({ connectionString: database!.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('select count(*) as n from job_outbox');
      assert.equal(Number(rows[0]!.n), 0, 'every job the outbox took was relayed');
    } finally {
      await client.end();
    }
    const store = s3StoreFor(s3!, id);
    const staging = s3StoreFor(s3!, `${id}/.staging`);
    try {
      const keys: string[] = [];
      for await (const key of store.list('')) keys.push(key);
      const originals = keys.filter((k) => k.startsWith('originals/'));
      const renditions = keys.filter((k) => k.startsWith('renditions/'));
      assert.equal(originals.length, UPLOADS, 'one original per upload');
      assert.equal(renditions.length, 2 * UPLOADS, 'a thumbnail and a preview per asset');
      assert.equal(keys.length, originals.length + renditions.length, 'nothing else');
      const staged: string[] = [];
      for await (const key of staging.list('')) staged.push(key);
      assert.deepEqual(staged, [], 'no staged upload left behind');
      assert.deepEqual(await s3!.pendingMultipartUploads(), [], 'no unfinished multipart upload');
    } finally {
      await store.close();
      await staging.close();
    }
  });

  it('leaves nothing on any process’s local disk, and a new worker clears what the killed one left', async () => {
    const filesUnder = async (name: string) =>
      (await readdir(join(dataRoot!, name), { recursive: true, withFileTypes: true }))
        .filter((entry) => !entry.isDirectory())
        .map((entry) => join(entry.parentPath, entry.name))
        // The tsx loader that runs these processes keeps its compile cache there; npm start has none.
        .filter((path) => !path.includes(`${join(name, 'tmp', 'tsx-')}`));
    for (const name of ['api-a', 'api-b', 'worker-2'])
      assert.deepEqual(await filesUnder(name), [], `${name}'s data and temporary folders`);
    // Killed mid-job, worker 1 may have left a copy of an original; its replacement removes it.
    worker1 = await startServerProcess(env('worker', 'worker-1'));
    assert.deepEqual(await filesUnder('worker-1'), [], 'worker 1’s folders, once replaced');
  });
});
