import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { migrateToLatest } from '../../src/adapters/db/migrator.js';
import { openDatabase } from '../../src/adapters/db/open-database.js';
import { TargetConflictError } from '../../src/installation-move/errors.js';
import {
  moveInstallation,
  type MoveOptions,
  type MoveReport,
} from '../../src/installation-move/move-installation.js';
import { corpusPath } from '../helpers/corpus.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import {
  S3RVER_CREDENTIALS,
  s3StoreFor,
  startS3Server,
  type S3TestServer,
} from '../helpers/s3-server.js';
import { deleteRedisKeys, REDIS_URL, releaseServicesFor } from '../helpers/stack.js';
import {
  ADMIN,
  createUser,
  login,
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type Session,
} from '../helpers/test-app.js';

/*
 * Issue 3 (scale-out): an embedded installation (SQLite, a folder, the table queue) built with the
 * real app is moved to PostgreSQL and S3 (s3rver), and a Keepsake on those serves the same library.
 * This file builds both stacks itself, whatever KEEPSAKE_TEST_STACK says.
 */

const ROOT = new URL('../../', import.meta.url).pathname;

/** Who uploaded what; the last file is uploaded while no worker runs, so its job stays queued. */
const UPLOADS = {
  admin: ['gps/HTC Desire.jpg', 'gps/mongolia.jpeg', 'jpeg-exif/IMG_8568.JPG'],
  bea: ['gps/mongolia.jpeg', 'gps/thompson-springs.jpg'],
  queued: 'gps/Samsung GT-I9000 (Galaxy S).jpg',
};
const BEA = { email: 'bea@example.com', password: 'Bea-password-123' };

/** What the source showed a user, to compare with what the target shows. */
interface Library {
  buckets: unknown;
  visible: string[];
  trashed: string[];
  favorites: string[];
  albums: unknown;
}

interface Target {
  database: TestDatabase;
  storageUrl: string;
  prefix: string;
}

const embeddedEnv = (dataDir: string) => ({
  KEEPSAKE_DATABASE_URL: join(dataDir, 'keepsake.db'),
  KEEPSAKE_STORAGE_URL: join(dataDir, 'blobs'),
  KEEPSAKE_QUEUE_URL: '',
});

async function libraryOf(app: FastifyInstance, session: Session): Promise<Library> {
  const get = async (url: string) =>
    (await app.inject({ url, headers: session.headers })).json<{ assets: { id: string }[] }>();
  const ids = async (query: string) =>
    (await get(`/api/assets?limit=1000${query}`)).assets.map((a) => a.id).sort();
  return {
    buckets: (await app.inject({ url: '/api/timeline/buckets', headers: session.headers })).json(),
    visible: await ids(''),
    trashed: await ids('&isTrashed=true'),
    favorites: await ids('&isFavorite=true'),
    // Each album as listed, and the months of its own timeline.
    albums: await Promise.all(
      (await app.inject({ url: '/api/albums', headers: session.headers }))
        .json<{ id: string }[]>()
        .map(async (album) => ({
          album,
          months: (
            await app.inject({
              url: `/api/albums/${album.id}/timeline/buckets`,
              headers: session.headers,
            })
          ).json(),
        })),
    ),
  };
}

describe('moving an embedded installation to PostgreSQL and S3', () => {
  let sourceDir: string;
  let s3: S3TestServer;
  const targets: Target[] = [];
  /** Corpus file of every asset, by asset id. */
  const files = new Map<string, string>();
  const libraries: { admin?: Library; bea?: Library } = {};
  let queuedId: string;

  const source = () => ({
    fromDatabase: join(sourceDir, 'keepsake.db'),
    fromStorage: join(sourceDir, 'blobs'),
  });
  const moveTo = (target: Target, options: Partial<MoveOptions> = {}) =>
    moveInstallation({
      ...source(),
      toDatabase: target.database.url,
      toStorage: target.storageUrl,
      s3ForcePathStyle: true,
      ...options,
    });

  /** A throwaway PostgreSQL database, and a fresh prefix on the S3 server or a folder. */
  async function newTarget(store: 's3' | 'folder' = 's3'): Promise<Target> {
    const prefix = `move-${randomBytes(6).toString('hex')}`;
    const target = {
      database: await createTestDatabase(),
      storageUrl:
        store === 's3'
          ? `s3://${s3.bucket}/${prefix}`
          : join(sourceDir, '..', `keepsake-${prefix}`),
      prefix,
    };
    targets.push(target);
    return target;
  }

  before(async () => {
    sourceDir = await mkdtemp(join(tmpdir(), 'keepsake-move-source-'));
    const env = embeddedEnv(sourceDir);
    const first = await startTestApp({ dataDir: sourceDir, env });
    const admin = await setupAdmin(first.app);
    const bea = await createUser(first.app, admin, 'Bea');
    for (const [session, paths] of [
      [admin, UPLOADS.admin],
      [bea, UPLOADS.bea],
    ] as const) {
      for (const path of paths) {
        const id = (await uploadFile(first.app, session, corpusPath(path))).json<{ id: string }>()
          .id;
        files.set(id, path);
        assert.equal((await waitForAsset(first.app, session, id)).status, 'ready');
      }
    }
    const [trashed, favorite] = [...files.keys()];
    const trash = await first.app.inject({
      method: 'DELETE',
      url: `/api/assets/${trashed}`,
      headers: admin.headers,
    });
    assert.equal(trash.statusCode, 200);
    const favor = await first.app.inject({
      method: 'PATCH',
      url: `/api/assets/${favorite}`,
      headers: admin.headers,
      payload: { isFavorite: true },
    });
    assert.equal(favor.statusCode, 200);
    const album = await first.app.inject({
      method: 'POST',
      url: '/api/albums',
      headers: admin.headers,
      payload: { name: 'Moved along' },
    });
    assert.equal(album.statusCode, 201, album.body);
    const albumId = album.json<{ id: string }>().id;
    const added = await first.app.inject({
      method: 'PUT',
      url: `/api/albums/${albumId}/assets`,
      headers: admin.headers,
      payload: { ids: [favorite, [...files.keys()][2]] },
    });
    assert.equal(added.statusCode, 200, added.body);
    await first.stop();

    const second = await startTestApp({ dataDir: sourceDir, env, workers: false });
    const again = await login(second.app, ADMIN.email, ADMIN.password);
    const queued = await uploadFile(second.app, again, corpusPath(UPLOADS.queued));
    queuedId = queued.json<{ id: string }>().id;
    files.set(queuedId, UPLOADS.queued);
    libraries.admin = await libraryOf(second.app, again);
    assert.deepEqual(libraries.admin.trashed, [trashed]);
    libraries.bea = await libraryOf(second.app, await login(second.app, BEA.email, BEA.password));
    await second.stop();

    // Started after the source: under KEEPSAKE_TEST_STACK=scaleout the stack's own S3 server sets
    // these variables once, on the first app started, and must not overwrite them afterwards.
    s3 = await startS3Server();
    process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
    process.env.AWS_REGION = 'us-east-1';
    process.env.AWS_ACCESS_KEY_ID = S3RVER_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = S3RVER_CREDENTIALS.secretAccessKey;
  });

  after(async () => {
    for (const target of targets) {
      await target.database.drop();
      if (!target.storageUrl.startsWith('s3://'))
        await rm(target.storageUrl, { recursive: true, force: true });
    }
    await s3?.close();
    await releaseServicesFor(sourceDir);
    await rm(sourceDir, { recursive: true, force: true });
  });

  it('copies and verifies everything; the target serves the same library, originals byte for byte', async () => {
    const target = await newTarget();
    const steps = new Set<string>();
    const report = await moveTo(target, { onProgress: (p) => steps.add(p.step) });
    assert.equal(report.verified, true, report.problems.join('\n'));
    assert.deepEqual([...steps], ['schema', 'rows', 'blobs', 'verify']);
    const rows = Object.fromEntries(report.tables.map((t) => [t.table, t.found]));
    assert.equal(rows.users, 2);
    assert.equal(rows.assets, files.size);
    assert.equal(rows.albums, 1);
    assert.equal(rows.album_assets, 2);
    // The queued job went to the outbox, for the target's BullMQ; the finished ones stay behind.
    assert.equal(report.toQueue, 'redis');
    assert.equal(rows.job_outbox, 1);
    assert.equal(rows.jobs, 0);
    // Ten of the pipeline's, and the day's memories job the first start queued.
    assert.deepEqual(report.jobsNotCarried, { completed: 11, failed: 0 });
    for (const t of report.tables) assert.equal(t.found, t.expected, t.table);
    // mongolia.jpeg is stored once for both owners.
    assert.equal(report.originalsChecked, files.size - 1);
    assert.equal(report.blobs.skipped, 0);
    assert.ok(report.blobs.copied >= files.size - 1 + 2 * 5, 'originals and renditions');

    const queuePrefix = `keepsake-move-${target.prefix}`;
    const app = await startTestApp({
      workers: false,
      env: {
        KEEPSAKE_DATABASE_URL: target.database.url,
        KEEPSAKE_STORAGE_URL: target.storageUrl,
        KEEPSAKE_S3_FORCE_PATH_STYLE: 'true',
        KEEPSAKE_QUEUE_URL: REDIS_URL,
        KEEPSAKE_QUEUE_PREFIX: queuePrefix,
      },
    });
    try {
      const admin = await login(app.app, ADMIN.email, ADMIN.password);
      const bea = await login(app.app, BEA.email, BEA.password);
      assert.deepEqual(await libraryOf(app.app, admin), libraries.admin);
      assert.deepEqual(await libraryOf(app.app, bea), libraries.bea);
      for (const [session, library] of [
        [admin, libraries.admin!],
        [bea, libraries.bea!],
      ] as const) {
        for (const id of library.visible) {
          const original = await app.app.inject({
            url: `/api/assets/${id}/original`,
            headers: session.headers,
          });
          assert.equal(original.statusCode, 200);
          assert.ok(original.rawPayload.equals(await readFile(corpusPath(files.get(id)!))), id);
          if (id === queuedId) continue;
          const thumbnail = await app.app.inject({
            url: `/api/assets/${id}/thumbnail`,
            headers: session.headers,
          });
          assert.equal(thumbnail.statusCode, 200, id);
        }
      }
      // The job that was still queued in the source runs on the target.
      app.keepsake.startWorkers();
      assert.equal((await waitForAsset(app.app, admin, queuedId)).status, 'ready');
    } finally {
      await app.close();
      await deleteRedisKeys(`${queuePrefix}:*`);
    }
  });

  it('resumes after being stopped part-way through the rows and again through the blobs', async () => {
    const target = await newTarget();
    const stopInRows = new AbortController();
    await assert.rejects(
      moveTo(target, {
        batchSize: 2,
        signal: stopInRows.signal,
        onProgress: (p) => {
          if (p.step === 'rows' && p.label === 'assets' && p.done >= 2) stopInRows.abort();
        },
      }),
      { name: 'AbortError' },
    );
    const db = await openDatabase(target.database.url);
    try {
      const assets = await db.db.selectFrom('assets').select('id').execute();
      assert.equal(assets.length, 2, 'stopped after the first batch of assets');
    } finally {
      await db.close();
    }

    const stopInBlobs = new AbortController();
    await assert.rejects(
      moveTo(target, {
        concurrency: 1,
        signal: stopInBlobs.signal,
        onProgress: (p) => {
          if (p.step === 'blobs' && p.copied >= 3) stopInBlobs.abort();
        },
      }),
      { name: 'AbortError' },
    );

    const report = await moveTo(target);
    assert.equal(report.verified, true, report.problems.join('\n'));
    assert.equal(report.blobs.skipped, 3, 'the blobs copied before the stop are not copied again');
    assert.equal(report.blobs.copied, report.blobs.seen - 3);
    for (const t of report.tables) assert.equal(t.found, t.expected, t.table);

    // The copied outbox row kept its id; the sequence has moved past it.
    const after = await openDatabase(target.database.url);
    try {
      const [copied] = await after.db.selectFrom('job_outbox').select('id').execute();
      const added = await after.db
        .insertInto('job_outbox')
        .values({ queue: 'metadata', name: 'metadata', payload: '{}', created_at: 'now' })
        .returning('id')
        .executeTakeFirstOrThrow();
      assert.ok(Number(added.id) > Number(copied!.id));
    } finally {
      await after.close();
    }
  });

  it('moves back from PostgreSQL and S3 to SQLite and a folder; the queued job runs there', async () => {
    const middle = await newTarget();
    assert.equal((await moveTo(middle)).verified, true);
    const backDir = await mkdtemp(join(tmpdir(), 'keepsake-move-back-'));
    try {
      const back = await moveInstallation({
        fromDatabase: middle.database.url,
        fromStorage: middle.storageUrl,
        toDatabase: join(backDir, 'keepsake.db'),
        toStorage: join(backDir, 'blobs'),
        s3ForcePathStyle: true,
      });
      assert.equal(back.verified, true, back.problems.join('\n'));
      assert.equal(back.toQueue, 'database');
      // The outbox row written for Redis is a waiting job again, for the table queue.
      assert.deepEqual(
        back.tables.filter((t) => t.table.startsWith('job')).map((t) => [t.table, t.found]),
        [
          ['jobs', 1],
          ['job_outbox', 0],
        ],
      );
      const app = await startTestApp({ dataDir: backDir, env: embeddedEnv(backDir) });
      try {
        const admin = await login(app.app, ADMIN.email, ADMIN.password);
        assert.deepEqual(await libraryOf(app.app, admin), libraries.admin);
        assert.equal((await waitForAsset(app.app, admin, queuedId)).status, 'ready');
      } finally {
        await app.stop();
        await releaseServicesFor(backDir);
      }
    } finally {
      await rm(backDir, { recursive: true, force: true });
    }
  });

  // To a folder, which the move supports as well: s3rver runs in this process and does not take
  // a client killed in the middle of a request quietly.
  it('through the command line to PostgreSQL and a folder: killed mid-copy, run again, it completes', async () => {
    const target = await newTarget('folder');
    const args = ['--to-database', target.database.url, '--to-storage', target.storageUrl];
    // One blob at a time, so that the kill after the first lands with most of them still to go.
    const first = await runCli([...args, '--concurrency', '1'], sourceDir, (stderr) =>
      /blobs: [1-9]/.test(stderr),
    );
    assert.equal(first.signal, 'SIGKILL', first.stderr + first.stdout);

    const second = await runCli(args, sourceDir);
    assert.equal(second.code, 0, second.stderr + second.stdout);
    assert.match(
      second.stdout,
      /Blobs: 15 in the source, \d+ copied .*, [1-9]\d* already in the target/,
    );
    assert.match(second.stdout, /Verified: the target is a complete copy/);
    assert.match(second.stderr, /verify: originals read back 5\/5/);
  });

  it('finds an original of the right size with the wrong bytes in the target', async () => {
    const target = await newTarget();
    assert.equal((await moveTo(target)).verified, true);
    const store = s3StoreFor(s3, target.prefix);
    const key = await firstOriginal(store);
    const bytes = await streamToBuffer(await store.get(key));
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0xff;
    await store.put(key, bytes);
    await store.close();

    const report: MoveReport = await moveTo(target);
    assert.equal(report.verified, false);
    assert.equal(report.blobs.copied, 0, 'a same-size blob is not copied again');
    assert.equal(report.problemCount, 1, report.problems.join('\n'));
    assert.match(report.problems[0]!, new RegExp(`original ${key}: .*the source copy is right`));

    const cli = await runCli(
      ['--to-database', target.database.url, '--to-storage', target.storageUrl],
      sourceDir,
    );
    assert.equal(cli.code, 1, cli.stderr);
    assert.match(cli.stdout, /NOT verified: 1 problem/);
  });

  it('refuses a target that holds a different user with the same email', async () => {
    const target = await newTarget();
    const db = await openDatabase(target.database.url);
    try {
      await migrateToLatest(db);
      await db.db
        .insertInto('users')
        .values({
          id: randomUUID(),
          email: ADMIN.email,
          name: 'Someone else',
          password_hash: 'x',
          is_admin: 1,
          created_at: new Date().toISOString(),
        })
        .execute();
      await assert.rejects(
        moveTo(target),
        (error) =>
          error instanceof TargetConflictError &&
          /the target's users \S+ has the same email/.test(error.message),
      );
      const users = await db.db.selectFrom('users').select('id').execute();
      assert.equal(users.length, 1, 'the batch that clashed was rolled back');
    } finally {
      await db.close();
    }
  });

  it('refuses to move while a server has the source open', async () => {
    const running = await startTestApp({
      dataDir: sourceDir,
      env: embeddedEnv(sourceDir),
      workers: false,
    });
    try {
      await assert.rejects(moveTo(await newTarget()), { code: 'SOURCE_IN_USE' });
    } finally {
      await running.stop();
    }
  });
});

async function firstOriginal(store: { list(prefix: string): AsyncIterable<string> }) {
  for await (const key of store.list('originals/')) return key;
  throw new Error('no original in the target');
}

async function streamToBuffer(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as `npm run move-installation` would (from sources); `killWhen` SIGKILLs it. */
async function runCli(
  args: string[],
  dataDir: string,
  killWhen?: (stderr: string) => boolean,
): Promise<CliResult> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/installation-move/cli.ts', ...args],
    {
      cwd: ROOT,
      env: { ...process.env, KEEPSAKE_DATA_DIR: dataDir, KEEPSAKE_S3_FORCE_PATH_STYLE: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    if (killWhen?.(stderr)) child.kill('SIGKILL');
  });
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  return { code, signal, stdout, stderr };
}
