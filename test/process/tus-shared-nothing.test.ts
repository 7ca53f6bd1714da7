import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { createKeepsake, type Keepsake } from '../../src/keepsake.js';
import { corpusPath } from '../helpers/corpus.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import {
  objectKeysUnder,
  S3RVER_CREDENTIALS,
  startS3Server,
  type S3TestServer,
} from '../helpers/s3-server.js';
import { setupAdmin, type AssetBody, type Session } from '../helpers/test-app.js';

/*
 * Issue 3 (scale-out): resumable uploads work when the API processes share nothing but the object
 * store and the database. Two Keepsake instances, each with its own data dir, on one PostgreSQL
 * database and one S3 bucket prefix (no Redis: jobs stay in the database): an upload begun on one
 * is resumed on the other.
 *
 * This file builds that stack whatever KEEPSAKE_TEST_STACK says, so it runs once, in the runner's
 * first pass (test/process is not in the scale-out pass).
 */

const MiB = 1024 * 1024;
const TUS = { 'tus-resumable': '1.0.0' };

interface Instance {
  app: FastifyInstance;
  keepsake: Keepsake;
  dataDir: string;
  /** `http://127.0.0.1:<port>`: the tus URLs are relative, so each call names its instance. */
  origin: string;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A JPEG of about 10 MiB, its own bytes each run: a corpus photo with random bytes after its end
 * (as camera trailers are). Over the 8 MiB part size, so the upload is a real S3 multipart upload
 * with a tail waiting in the store between requests.
 */
async function bigJpeg(): Promise<Buffer> {
  const photo = await readFile(corpusPath('jpeg-exif/Sigma DP1.jpg'));
  return Buffer.concat([photo, randomBytes(10 * MiB - photo.length)]);
}

describe('tus uploads across API instances that share only PostgreSQL and S3', () => {
  let s3: S3TestServer;
  let database: TestDatabase;
  let a: Instance;
  let b: Instance;
  let admin: Session;
  const prefix = `tus-${randomBytes(4).toString('hex')}`;

  const start = async (): Promise<Instance> => {
    const dataDir = await mkdtemp(join(tmpdir(), 'keepsake-tus-'));
    const config = loadConfig({
      KEEPSAKE_ROLE: 'api',
      KEEPSAKE_DATA_DIR: dataDir,
      KEEPSAKE_DATABASE_URL: database.url,
      KEEPSAKE_STORAGE_URL: `s3://${s3.bucket}/${prefix}`,
      KEEPSAKE_S3_FORCE_PATH_STYLE: 'true',
      KEEPSAKE_LOG_LEVEL: 'silent',
    });
    const keepsake = await createKeepsake(config);
    const app = await buildApp(keepsake, { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    assert.ok(address && typeof address === 'object');
    return { app, keepsake, dataDir, origin: `http://127.0.0.1:${address.port}` };
  };
  const stop = async (instance: Instance | undefined) => {
    if (!instance) return;
    await instance.app.close();
    await instance.keepsake.close();
    await rm(instance.dataDir, { recursive: true, force: true });
  };

  before(async () => {
    s3 = await startS3Server();
    // The SDK finds the store through its own variables, as in production.
    process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
    process.env.AWS_REGION = 'us-east-1';
    process.env.AWS_ACCESS_KEY_ID = S3RVER_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = S3RVER_CREDENTIALS.secretAccessKey;
    database = await createTestDatabase();
    a = await start();
    b = await start();
    admin = await setupAdmin(a.app);
  });
  after(async () => {
    await stop(a);
    await stop(b);
    await database?.drop();
    await s3?.close();
  });

  const create = async (on: Instance, length: number, filename: string): Promise<string> => {
    const res = await fetch(`${on.origin}/api/uploads`, {
      method: 'POST',
      headers: {
        ...admin.headers,
        ...TUS,
        'upload-length': String(length),
        'upload-metadata': `filename ${Buffer.from(filename).toString('base64')}`,
      },
    });
    assert.equal(res.status, 201, await res.text());
    const location = res.headers.get('location');
    assert.ok(location && location.startsWith('/api/uploads/'), `Location ${location}`);
    return location;
  };
  const patch = (on: Instance, path: string, offset: number, body: Buffer) =>
    fetch(`${on.origin}${path}`, {
      method: 'PATCH',
      headers: {
        ...admin.headers,
        ...TUS,
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
      },
      body,
    });
  const head = (on: Instance, path: string) =>
    fetch(`${on.origin}${path}`, { method: 'HEAD', headers: { ...admin.headers, ...TUS } });
  const asset = async (on: Instance, id: string) =>
    (await on.app.inject({ url: `/api/assets/${id}`, headers: admin.headers })).json<AssetBody>();
  const original = async (on: Instance, id: string) =>
    (await on.app.inject({ url: `/api/assets/${id}/original`, headers: admin.headers })).rawPayload;
  /** Objects under the instances' `<prefix>/.tus/`. */
  const tusObjects = () => objectKeysUnder(s3, `${prefix}/.tus/`);

  it('takes up on B an upload begun on A, and ends in one asset with the right bytes', async () => {
    const bytes = await bigJpeg();
    const path = await create(a, bytes.length, 'trailer.jpg');
    const first = 9 * MiB; // one full 8 MiB part and a 1 MiB tail waiting in the store
    const sent = await patch(a, path, 0, bytes.subarray(0, first));
    assert.equal(sent.status, 204, await sent.text());
    assert.equal(sent.headers.get('upload-offset'), String(first));
    assert.ok(!existsSync(join(a.dataDir, 'uploads')), 'nothing of the upload on A’s disk');
    assert.ok((await tusObjects()).length > 0, 'the partial upload is in the object store');

    const resumed = await head(b, path);
    assert.equal(resumed.status, 200);
    assert.equal(resumed.headers.get('upload-offset'), String(first));
    assert.equal(resumed.headers.get('upload-length'), String(bytes.length));

    const middle = first + 512 * 1024; // a PATCH smaller than a part, then the rest
    assert.equal((await patch(b, path, first, bytes.subarray(first, middle))).status, 204);
    const last = await patch(b, path, middle, bytes.subarray(middle));
    assert.equal(last.status, 204, await last.text());
    assert.equal(last.headers.get('keepsake-asset-status'), 'created');
    const id = last.headers.get('keepsake-asset-id');
    assert.ok(id);

    const created = await asset(a, id);
    assert.equal(created.checksum, sha256(bytes));
    assert.equal(created.fileSize, bytes.length);
    assert.equal(created.originalFileName, 'trailer.jpg');
    assert.ok((await original(a, id)).equals(bytes), 'byte for byte, read through A');
    const listed = await a.app.inject({ url: '/api/assets', headers: admin.headers });
    assert.deepEqual(
      listed.json<{ assets: AssetBody[] }>().assets.map((x) => x.id),
      [id],
      'one asset',
    );

    assert.equal((await head(a, path)).status, 404, 'the finished upload is gone, on A too');
    assert.deepEqual(await tusObjects(), [], 'nothing left under .tus/');
    assert.deepEqual(await s3.pendingMultipartUploads(), [], 'no multipart upload left open');

    // The same bytes again, all through A: the owner already has them.
    const again = await create(a, bytes.length, 'again.jpg');
    const duplicate = await patch(a, again, 0, bytes);
    assert.equal(duplicate.status, 204, await duplicate.text());
    assert.equal(duplicate.headers.get('keepsake-asset-status'), 'duplicate');
    assert.equal(duplicate.headers.get('keepsake-asset-id'), id);
  });

  it('a resume on B while A still receives waits for A to save what it got (shared lock)', async () => {
    const bytes = await bigJpeg();
    const path = await create(a, bytes.length, 'stalled.jpg');
    // A client sends 1 MiB to A, then its connection stalls without closing.
    let stalled!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        stalled = controller;
        controller.enqueue(bytes.subarray(0, MiB));
      },
    });
    const toA = fetch(`${a.origin}${path}`, {
      method: 'PATCH',
      headers: {
        ...admin.headers,
        ...TUS,
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
      },
      body,
      duplex: 'half',
    } as RequestInit);
    toA.catch(() => {}); // its fate is looked at below
    await sleep(1000); // the MiB reaches A

    // The client gives up on A and asks B where to resume. B must not answer from the store
    // while A is still writing: it asks A to let go (through PostgreSQL) and waits.
    const resumed = await head(b, path);
    assert.equal(resumed.status, 200);
    const offset = Number(resumed.headers.get('upload-offset'));
    const answerA = await Promise.race([toA, sleep(10_000).then(() => undefined)]);
    assert.ok(answerA, 'A ended its request when B asked for the upload');
    assert.equal(answerA.headers.get('upload-offset'), String(offset), 'B resumes where A stopped');
    assert.equal(offset, MiB, 'what A received was saved');
    stalled.close();

    const last = await patch(b, path, offset, bytes.subarray(offset));
    assert.equal(last.status, 204, await last.text());
    const id = last.headers.get('keepsake-asset-id');
    assert.ok(id);
    assert.equal((await asset(b, id)).checksum, sha256(bytes));
    assert.ok((await original(b, id)).equals(bytes), 'byte for byte');
  });

  it('expires partial uploads under its own prefix only; an aborted one is gone, not finished', async () => {
    const { S3TusStore } = await import('../../src/adapters/uploads/s3-tus-store.js');
    const { Upload } = await import('@tus/server');
    const { S3Client, HeadObjectCommand, AbortMultipartUploadCommand } =
      await import('@aws-sdk/client-s3');
    const storeAt = (folder: string) =>
      new S3TusStore(`s3://${s3.bucket}/${folder}`, {
        forcePathStyle: true,
        expirationPeriodInMilliseconds: 1500,
      });
    const store = storeAt(`${prefix}-expiry`);
    const neighbour = storeAt(`${prefix}-neighbour`);
    const client = new S3Client({ forcePathStyle: true });
    const begin = async (on: typeof store, id: string) => {
      await on.create(new Upload({ id, size: 10, offset: 0, metadata: { filename: 'x.jpg' } }));
      assert.equal(await on.write(Readable.from([Buffer.from('abc')]), id, 0), 3);
    };
    try {
      await begin(store, 'stale');
      await begin(neighbour, 'other');
      await sleep(2000);
      await begin(store, 'fresh');

      assert.equal(await store.deleteExpired(), 1);
      await assert.rejects(store.getUpload('stale'), { status_code: 404 });
      assert.equal((await store.getUpload('fresh')).offset, 3);
      assert.equal((await neighbour.getUpload('other')).offset, 3, 'another prefix is not swept');
      assert.equal((await s3.pendingMultipartUploads()).length, 2, 'stale’s was aborted');

      // A lifecycle rule (or anything else) aborts the multipart upload behind the store's back.
      const info = await client.send(
        new HeadObjectCommand({ Bucket: s3.bucket, Key: `${prefix}-expiry/.tus/fresh.info` }),
      );
      await client.send(
        new AbortMultipartUploadCommand({
          Bucket: s3.bucket,
          Key: `${prefix}-expiry/.tus/fresh`,
          UploadId: info.Metadata?.['upload-id'],
        }),
      );
      await assert.rejects(store.getUpload('fresh'), { status_code: 410 });

      await store.remove('fresh');
      await neighbour.remove('other');
      await assert.rejects(store.getUpload('fresh'), { status_code: 404 });
      assert.deepEqual(await s3.pendingMultipartUploads(), []);
    } finally {
      store.destroy();
      neighbour.destroy();
      client.destroy();
    }
  });
});
