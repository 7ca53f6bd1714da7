import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { parseS3Url, S3BlobStore } from '../../src/adapters/blobs/s3-blob-store.js';
import { BlobNotFoundError } from '../../src/core/ports/blob-store.js';
import {
  S3RVER_CREDENTIALS,
  s3StoreFor,
  startS3Server,
  type S3TestServer,
} from '../helpers/s3-server.js';
import { describeBlobStoreConformance } from './blob-store.conformance.js';

const MiB = 1024 * 1024;

describeBlobStoreConformance('s3 (s3rver)', async () => {
  const server = await startS3Server();
  const store = s3StoreFor(server, 'conformance');
  await store.init();
  return {
    store,
    close: async () => {
      await store.close();
      await server.close();
    },
  };
});

describe('S3BlobStore against s3rver', () => {
  let server: S3TestServer;
  const stores: S3BlobStore[] = [];
  const storeFor = (prefix: string, options?: Parameters<typeof s3StoreFor>[2]) => {
    const store = s3StoreFor(server, prefix, options);
    stores.push(store);
    return store;
  };
  before(async () => {
    server = await startS3Server();
  });
  after(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await server.close();
  });

  it('stages a stream larger than one part as a multipart upload, byte for byte', async () => {
    const store = storeFor('large', { uploadPartSize: 5 * MiB });
    const size = 12 * MiB;
    const { source, sha256 } = generatedBytes(size);
    const mark = server.operations.length;
    const staged = await store.stage(source);
    assert.equal(staged.size, size);
    const uploads = server.operations.slice(mark);
    assert.equal(uploads.filter((op) => op === 'UploadPart').length, 3, uploads.join());
    assert.ok(uploads.includes('CompleteMultipartUpload'));
    await staged.commit('videos/long.mp4');
    assert.equal(await sha256Of(await store.get('videos/long.mp4')), sha256());
    assert.equal((await store.stat('videos/long.mp4'))?.size, size);
    assert.equal(await store.cleanStaging(0), 0, 'commit removed the staged object');
  });

  it('aborts the multipart upload when the source fails after some parts', async () => {
    const store = storeFor('aborted', { uploadPartSize: 5 * MiB });
    const chunk = Buffer.alloc(MiB, 1);
    let sent = 0;
    const failing = new Readable({
      read() {
        if (sent++ < 11) this.push(chunk);
        else this.destroy(new Error('client went away'));
      },
    });
    const mark = server.operations.length;
    await assert.rejects(store.stage(failing), /client went away/);
    const operations = server.operations.slice(mark);
    assert.ok(operations.includes('UploadPart'), 'a part was uploaded before the failure');
    assert.ok(operations.includes('AbortMultipartUpload'), operations.join());
    assert.deepEqual(await server.pendingMultipartUploads(), []);
    assert.equal(await store.cleanStaging(0), 0);
  });

  it('commits through a multipart copy above the copy threshold', async () => {
    const store = storeFor('copied', {
      uploadPartSize: 5 * MiB,
      multipartCopyThreshold: 0,
      copyPartSize: 5 * MiB,
    });
    const size = 11 * MiB + 123;
    const { source, sha256 } = generatedBytes(size);
    const staged = await store.stage(source);
    const mark = server.operations.length;
    await staged.commit('videos/copied.mp4');
    const operations = server.operations.slice(mark);
    assert.equal(operations.filter((op) => op === 'UploadPartCopy').length, 3, operations.join());
    assert.ok(!operations.includes('CopyObject'));
    assert.equal(await sha256Of(await store.get('videos/copied.mp4')), sha256());
    assert.equal((await store.stat('videos/copied.mp4'))?.size, size);
    assert.equal(await store.cleanStaging(0), 0, 'commit removed the staged object');
  });

  it('commits with a single CopyObject below the copy threshold', async () => {
    const store = storeFor('small-copy');
    const staged = await store.stage(Readable.from([Buffer.from('small')]));
    const mark = server.operations.length;
    await staged.commit('a/small');
    assert.deepEqual(server.operations.slice(mark), ['CopyObject', 'DeleteObject']);
    assert.equal(await text(await store.get('a/small')), 'small');
  });

  it('reads a byte range from inside a large object', async () => {
    const store = storeFor('ranges');
    const data = randomBytes(3 * MiB);
    await store.put('blob', data);
    const start = 2 * MiB - 7;
    const end = 2 * MiB + 100;
    const slice = Buffer.concat(await collect(await store.get('blob', { start, end })));
    assert.deepEqual(slice, data.subarray(start, end + 1));
  });

  it('presigns a GET that fetch can download, with the asked Content-Disposition', async () => {
    const store = storeFor('presigned');
    await store.put('photos/IMG_0001.jpg', Buffer.from('jpeg bytes'));
    const url = await store.presignGet('photos/IMG_0001.jpg', 60, {
      contentDisposition: 'attachment; filename="IMG_0001.jpg"',
    });
    assert.ok(url.startsWith(`${server.endpoint}/${server.bucket}/presigned/photos/IMG_0001.jpg?`));
    const response = await fetch(url);
    assert.equal(response.status, 200);
    assert.equal(
      response.headers.get('content-disposition'),
      'attachment; filename="IMG_0001.jpg"',
    );
    assert.equal(await response.text(), 'jpeg bytes');
    const missing = await fetch(await store.presignGet('photos/missing.jpg', 60));
    assert.equal(missing.status, 404);
    await missing.body?.cancel();
  });

  it('presigns URLs that stop working once expired', async () => {
    const store = storeFor('expiring');
    await store.put('short-lived', Buffer.from('soon gone'));
    const url = await store.presignGet('short-lived', 1);
    // X-Amz-Date has whole seconds, so a 1 s URL expires within 2 s of signing.
    await sleep(2_500);
    const response = await fetch(url);
    assert.equal(response.status, 403);
    assert.match(await response.text(), /Request has expired/);
    await assert.rejects(store.presignGet('short-lived', 0), RangeError);
    await assert.rejects(store.presignGet('short-lived', 8 * 24 * 3600), RangeError);
  });

  it('lists across pages, relative to its prefix, without staging or other prefixes', async () => {
    const store = storeFor('paged/root', { listPageSize: 2 });
    const neighbour = storeFor('paged/root-neighbour');
    const keys = ['k/1', 'k/2', 'k/3', 'k/4', 'k/5'];
    for (const key of keys) await store.put(key, Buffer.from(key));
    await neighbour.put('k/6', Buffer.from('other store'));
    const orphan = await store.stage(Readable.from([Buffer.from('staged')]));
    const mark = server.operations.length;
    assert.deepEqual(await collect(store.list('')), keys);
    assert.deepEqual(server.operations.slice(mark), Array(3).fill('ListObjectsV2'), '3 pages');
    assert.deepEqual(await collect(store.list('k/')), keys);
    assert.deepEqual(await collect(neighbour.list('')), ['k/6']);
    await orphan.discard();
  });

  it('lends a local file named after the key, and removes it afterwards', async () => {
    const store = storeFor('local');
    await store.put('renditions/x/preview.webp', Buffer.from('webp'));
    let lent = '';
    await store.withLocalFile('renditions/x/preview.webp', async (path) => {
      lent = path;
    });
    assert.match(lent, /preview\.webp$/);
    await assert.rejects(stat(lent), { code: 'ENOENT' });
    await assert.rejects(
      store.withLocalFile('renditions/x/missing.webp', async () => 1),
      BlobNotFoundError,
    );
  });

  it('checks the bucket at init and names the bucket and endpoint when it cannot', async () => {
    await storeFor('init').init();
    const missing = new S3BlobStore('s3://no-such-bucket', {
      forcePathStyle: true,
      client: { endpoint: server.endpoint, region: 'us-east-1', credentials: S3RVER_CREDENTIALS },
    });
    stores.push(missing);
    await assert.rejects(missing.init(), (error: Error) => {
      assert.match(error.message, /"no-such-bucket".*no such bucket \(HTTP 404\)/);
      assert.ok(error.message.includes(server.endpoint), error.message);
      return true;
    });
    const unreachable = new S3BlobStore('s3://keepsake-test', {
      forcePathStyle: true,
      client: {
        endpoint: 'http://127.0.0.1:1',
        region: 'us-east-1',
        credentials: S3RVER_CREDENTIALS,
        maxAttempts: 1,
      },
    });
    stores.push(unreachable);
    await assert.rejects(
      unreachable.init(),
      /"keepsake-test" is not reachable at http:\/\/127\.0\.0\.1:1\b/,
    );
  });

  it('refuses part sizes S3 would refuse', () => {
    assert.throws(() => new S3BlobStore('s3://bucket', { uploadPartSize: MiB }), /uploadPartSize/);
    assert.throws(() => new S3BlobStore('s3://bucket', { copyPartSize: MiB }), /copyPartSize/);
  });
});

describe('parseS3Url', () => {
  it('splits bucket and prefix', () => {
    assert.deepEqual(parseS3Url('s3://photos'), { bucket: 'photos', prefix: '' });
    assert.deepEqual(parseS3Url('s3://photos/'), { bucket: 'photos', prefix: '' });
    assert.deepEqual(parseS3Url('S3://photos/x'), { bucket: 'photos', prefix: 'x' });
    assert.deepEqual(parseS3Url('s3://my.photos-1/keepsake/prod/'), {
      bucket: 'my.photos-1',
      prefix: 'keepsake/prod',
    });
  });

  it('refuses malformed URLs with the reason', () => {
    assert.throws(() => parseS3Url('https://photos/x'), /expected s3:\/\/bucket/);
    assert.throws(() => parseS3Url('s3://'), /bucket "" must be/);
    assert.throws(() => parseS3Url('s3://Photos'), /bucket "Photos" must be/);
    assert.throws(() => parseS3Url('s3://ab'), /bucket "ab" must be/);
    assert.throws(() => parseS3Url('s3://user@photos'), /bucket "user@photos" must be/);
    assert.throws(() => parseS3Url('s3://photos?region=x'), /no query or fragment/);
    assert.throws(() => parseS3Url('s3://photos//a'), /empty, "\." or "\.\." segments/);
    assert.throws(() => parseS3Url('s3://photos/a/../b'), /empty, "\." or "\.\." segments/);
  });
});

/** `size` random bytes made 1 MiB at a time as they are read; their SHA-256 once all are read. */
function generatedBytes(size: number): { source: Readable; sha256: () => string } {
  const hash = createHash('sha256');
  const source = Readable.from(
    (function* () {
      for (let offset = 0; offset < size; offset += MiB) {
        const chunk = randomBytes(Math.min(MiB, size - offset));
        hash.update(chunk);
        yield chunk;
      }
    })(),
  );
  return { source, sha256: () => hash.digest('hex') };
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
