import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import * as tus from 'tus-js-client';
import { parseS3Url } from '../../src/adapters/blobs/s3-url.js';
import { isS3Url } from '../../src/adapters/blobs/open-blob-store.js';
import { corpusPath } from '../helpers/corpus.js';
import {
  setupAdmin,
  startTestApp,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

interface Finished {
  id: string;
  status: string;
  url: string;
}

describe('resumable uploads over tus', () => {
  let t: TestApp;
  let admin: Session;
  let endpoint: string;
  const file = corpusPath('jpeg-exif/Sigma DP1.jpg'); // 3 MB

  before(async () => {
    t = await startTestApp();
    admin = await setupAdmin(t.app);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    assert.ok(address && typeof address === 'object');
    endpoint = `http://127.0.0.1:${address.port}/api/uploads`;
  });
  after(() => t.close());

  const options = (extra: Partial<tus.UploadOptions> = {}): tus.UploadOptions => ({
    endpoint,
    chunkSize: 256 * 1024,
    retryDelays: [],
    headers: admin.headers,
    metadata: { filename: 'Sigma DP1.jpg', fileCreatedAt: '2020-01-01T00:00:00Z' },
    ...extra,
  });

  const finish = (upload: tus.Upload) =>
    new Promise<Finished>((resolve, reject) => {
      upload.options.onError = reject;
      upload.options.onSuccess = ({ lastResponse }) =>
        resolve({
          id: lastResponse.getHeader('Keepsake-Asset-Id') ?? '',
          status: lastResponse.getHeader('Keepsake-Asset-Status') ?? '',
          url: upload.url ?? '',
        });
      upload.start();
    });

  it('resumes an interrupted upload and ends in the same asset creation', async () => {
    const bytes = await readFile(file);
    let interrupted = false;
    const first = new tus.Upload(
      bytes,
      options({
        onProgress: (sent) => {
          if (sent >= 1024 * 1024 && !interrupted) {
            interrupted = true;
            void first.abort();
          }
        },
      }),
    );
    first.start();
    for (let i = 0; i < 200 && !interrupted; i++) await new Promise((r) => setTimeout(r, 25));
    assert.ok(interrupted && first.url, 'the first attempt was cut off part-way');

    const head = await fetch(first.url!, {
      method: 'HEAD',
      headers: { ...admin.headers, 'tus-resumable': '1.0.0' },
    });
    const offset = Number(head.headers.get('upload-offset'));
    assert.ok(offset > 0 && offset < bytes.length, `server kept ${offset} bytes`);

    const resumed = await finish(new tus.Upload(bytes, options({ uploadUrl: first.url })));
    assert.equal(resumed.status, 'created');
    const asset = await waitForAsset(t.app, admin, resumed.id);
    assert.equal(asset.status, 'ready');
    assert.equal(asset.originalFileName, 'Sigma DP1.jpg');
    const original = await t.app.inject({
      url: `/api/assets/${resumed.id}/original`,
      headers: admin.headers,
    });
    assert.ok(original.rawPayload.equals(bytes), 'byte for byte');
    const gone = await fetch(first.url!, {
      method: 'HEAD',
      headers: { ...admin.headers, 'tus-resumable': '1.0.0' },
    });
    assert.equal(gone.status, 404, 'the partial upload is cleaned up');
  });

  it('answers "duplicate" for bytes the user already has', async () => {
    const again = await finish(new tus.Upload(await readFile(file), options()));
    assert.equal(again.status, 'duplicate');
  });

  it('terminates an upload on request (termination extension)', async () => {
    const bytes = await readFile(corpusPath('jpeg-exif/DSC00007.JPG'));
    const upload = new tus.Upload(
      bytes,
      options({ chunkSize: 64 * 1024, metadata: { filename: 'DSC00007.JPG' } }),
    );
    let started = false;
    upload.options.onProgress = () => (started = true);
    upload.start();
    for (let i = 0; i < 200 && !started; i++) await new Promise((r) => setTimeout(r, 25));
    await upload.abort(true);
    const head = await fetch(upload.url!, {
      method: 'HEAD',
      headers: { ...admin.headers, 'tus-resumable': '1.0.0' },
    });
    assert.ok(head.status === 404 || head.status === 410, `status ${head.status}`);
  });

  /** What partial uploads left in the tus store: files in `uploads/`, or objects under `.tus/`. */
  const tusLeftovers = async (): Promise<string[]> => {
    const { storageUrl } = t.keepsake.config;
    if (!isS3Url(storageUrl)) return readdir(join(t.dataDir, 'uploads')).catch(() => []);
    const { S3Client, ListObjectsV2Command } = await import('@aws-sdk/client-s3');
    const { bucket, prefix } = parseS3Url(storageUrl);
    const client = new S3Client({ forcePathStyle: true });
    try {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}/.tus/` }),
      );
      return (page.Contents ?? []).map((object) => object.Key ?? '');
    } finally {
      client.destroy();
    }
  };

  it('takes the whole file in the creating POST (creation-with-upload)', async () => {
    const bytes = await readFile(corpusPath('jpeg-exif/EPSN0002.JPG'));
    const done = await finish(
      new tus.Upload(
        bytes,
        options({
          uploadDataDuringCreation: true,
          chunkSize: Number.POSITIVE_INFINITY,
          metadata: { filename: 'EPSN0002.JPG' },
        }),
      ),
    );
    assert.equal(done.status, 'created');
    const asset = await waitForAsset(t.app, admin, done.id);
    assert.equal(asset.originalFileName, 'EPSN0002.JPG');
    const original = await t.app.inject({
      url: `/api/assets/${done.id}/original`,
      headers: admin.headers,
    });
    assert.ok(original.rawPayload.equals(bytes), 'byte for byte');
    for (let i = 0; i < 100 && (await tusLeftovers()).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.deepEqual(await tusLeftovers(), [], 'the finished upload is removed');
  });

  it('leaves nothing behind when a creating POST fails', async () => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        ...admin.headers,
        'tus-resumable': '1.0.0',
        'upload-length': '10',
        'upload-metadata': `filename ${Buffer.from('short.jpg').toString('base64')}`,
        'content-type': 'application/offset+octet-stream',
      },
      body: Buffer.alloc(100), // more than the declared length
    });
    assert.equal(res.status, 413, await res.text());
    assert.deepEqual(await tusLeftovers(), []);
  });

  it('refuses uploads without a signed-in user or without a filename', async () => {
    const anonymous = await fetch(endpoint, {
      method: 'POST',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' },
    });
    assert.equal(anonymous.status, 401);
    const nameless = await fetch(endpoint, {
      method: 'POST',
      headers: { ...admin.headers, 'tus-resumable': '1.0.0', 'upload-length': '10' },
    });
    assert.equal(nameless.status, 400);
  });
});
