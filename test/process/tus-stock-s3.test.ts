import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import * as tus from 'tus-js-client';
import { createRootLogger } from '../../src/adapters/logging/pino-logger.js';
import { loadConfig } from '../../src/config.js';
import { buildApp } from '../../src/http/app.js';
import { createKeepsake, type Keepsake } from '../../src/keepsake.js';
import { corpusPath } from '../helpers/corpus.js';
import {
  objectKeysUnder,
  S3RVER_CREDENTIALS,
  startS3Server,
  type S3TestServer,
} from '../helpers/s3-server.js';
import { setupAdmin, type Session } from '../helpers/test-app.js';

/*
 * Issue 14: resumable uploads on an S3 store that does not implement ListParts (stock s3rver
 * 3.7 answers it with 405, as some S3-compatible stores do). The store keeps its own record of
 * the parts (See: [Note: Parts without ListParts]). SQLite beside the S3 storage, whatever
 * KEEPSAKE_TEST_STACK says: the store is the subject.
 */

const MiB = 1024 * 1024;
const TUS = { 'tus-resumable': '1.0.0' };

describe('tus on an S3 store without ListParts (stock s3rver)', () => {
  let s3: S3TestServer;
  let keepsake: Keepsake;
  let app: FastifyInstance;
  let dataDir: string;
  let origin: string;
  let admin: Session;
  const prefix = `stock-${randomBytes(4).toString('hex')}`;
  /** The server's log lines. */
  const logged: { level: number; msg: string; err?: { message: string; stack: string } }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean))
        logged.push(JSON.parse(line));
      done();
    },
  });
  let s3Stopped = false;

  before(async () => {
    s3 = await startS3Server('keepsake-test', 'amazonaws.com', { stockListParts: true });
    process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
    process.env.AWS_REGION = 'us-east-1';
    process.env.AWS_ACCESS_KEY_ID = S3RVER_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = S3RVER_CREDENTIALS.secretAccessKey;
    dataDir = await mkdtemp(join(tmpdir(), 'keepsake-tus-stock-'));
    keepsake = await createKeepsake(
      loadConfig({
        KEEPSAKE_DATA_DIR: dataDir,
        KEEPSAKE_STORAGE_URL: `s3://${s3.bucket}/${prefix}`,
        KEEPSAKE_S3_FORCE_PATH_STYLE: 'true',
        KEEPSAKE_LOG_LEVEL: 'info',
      }),
      { logger: createRootLogger('info', sink) },
    );
    app = await buildApp(keepsake);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    assert.ok(address && typeof address === 'object');
    origin = `http://127.0.0.1:${address.port}`;
    admin = await setupAdmin(app);
  });
  after(async () => {
    await app?.close();
    await keepsake?.close();
    await rm(dataDir, { recursive: true, force: true });
    if (!s3Stopped) await s3?.close();
  });

  /** Objects under the instance's `<prefix>/.tus/`. */
  const tusObjects = () => objectKeysUnder(s3, `${prefix}/.tus/`);
  const nothingLeft = async () => {
    for (let i = 0; i < 100 && (await tusObjects()).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.deepEqual(await tusObjects(), [], 'nothing left under .tus/');
    assert.deepEqual(await s3.pendingMultipartUploads(), [], 'no multipart upload left open');
  };
  const original = async (id: string) =>
    (await app.inject({ url: `/api/assets/${id}/original`, headers: admin.headers })).rawPayload;

  const tusUpload = (bytes: Buffer, filename: string, extra: Partial<tus.UploadOptions> = {}) =>
    new Promise<string>((resolve, reject) => {
      const upload = new tus.Upload(bytes, {
        endpoint: `${origin}/api/uploads`,
        retryDelays: [],
        headers: admin.headers,
        metadata: { filename },
        onError: reject,
        onSuccess: ({ lastResponse }) => resolve(lastResponse.getHeader('Keepsake-Asset-Id') ?? ''),
        ...extra,
      });
      upload.start();
    });

  it('takes a plain tus upload, and a creation-with-upload', async () => {
    const bytes = await readFile(corpusPath('jpeg-exif/Sigma DP1.jpg'));
    const id = await tusUpload(bytes, 'Sigma DP1.jpg', { chunkSize: 256 * 1024 });
    assert.ok(id);
    assert.ok((await original(id)).equals(bytes), 'byte for byte');
    assert.ok(
      s3.operations.includes('ListParts'),
      'the store was asked for its parts, and refused',
    );

    const small = await readFile(corpusPath('jpeg-exif/EPSN0002.JPG'));
    const created = await tusUpload(small, 'EPSN0002.JPG', { uploadDataDuringCreation: true });
    assert.ok((await original(created)).equals(small), 'byte for byte');
    await nothingLeft();
  });

  it('leaves no object and no open multipart upload when a creating POST fails', async () => {
    const res = await fetch(`${origin}/api/uploads`, {
      method: 'POST',
      headers: {
        ...admin.headers,
        ...TUS,
        'upload-length': '10',
        'upload-metadata': `filename ${Buffer.from('short.jpg').toString('base64')}`,
        'content-type': 'application/offset+octet-stream',
      },
      body: Buffer.alloc(100), // more than the declared length
    });
    assert.equal(res.status, 413, await res.text());
    await nothingLeft();
  });

  it('resumes an upload of several parts at the offset it reached', async () => {
    // About 10 MiB: one 8 MiB part and a tail waiting in the store after the first PATCH.
    const photo = await readFile(corpusPath('jpeg-exif/DSC00007.JPG'));
    const bytes = Buffer.concat([photo, randomBytes(10 * MiB - photo.length)]);
    const create = await fetch(`${origin}/api/uploads`, {
      method: 'POST',
      headers: {
        ...admin.headers,
        ...TUS,
        'upload-length': String(bytes.length),
        'upload-metadata': `filename ${Buffer.from('big.jpg').toString('base64')}`,
      },
    });
    assert.equal(create.status, 201, await create.text());
    const url = `${origin}${create.headers.get('location')}`;
    const patch = (offset: number, body: Buffer) =>
      fetch(url, {
        method: 'PATCH',
        headers: {
          ...admin.headers,
          ...TUS,
          'upload-offset': String(offset),
          'content-type': 'application/offset+octet-stream',
        },
        body,
      });
    const first = 9 * MiB;
    const sent = await patch(0, bytes.subarray(0, first));
    assert.equal(sent.status, 204, await sent.text());

    const head = await fetch(url, { method: 'HEAD', headers: { ...admin.headers, ...TUS } });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('upload-offset'), String(first), 'the part and the tail count');

    const last = await patch(first, bytes.subarray(first));
    assert.equal(last.status, 204, await last.text());
    const id = last.headers.get('keepsake-asset-id');
    assert.ok(id);
    assert.ok((await original(id)).equals(bytes), 'byte for byte');
    await nothingLeft();
  });

  it('logs a failure that is not the client’s as an error, with its cause', async () => {
    await s3.close();
    s3Stopped = true;
    const res = await fetch(`${origin}/api/uploads`, {
      method: 'POST',
      headers: {
        ...admin.headers,
        ...TUS,
        'upload-length': '10',
        'upload-metadata': `filename ${Buffer.from('lost.jpg').toString('base64')}`,
      },
    });
    assert.equal(res.status, 500);
    const line = logged.find((entry) => entry.msg === 'resumable upload failed');
    assert.equal(line?.level, 50, 'at error level');
    assert.match(line?.err?.stack ?? '', /ECONNREFUSED|connect/i, 'with the store’s own error');
  });
});
