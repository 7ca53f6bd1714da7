import assert from 'node:assert/strict';
import { Agent } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { S3BlobStore } from '../../src/adapters/blobs/s3-blob-store.js';
import { S3RVER_CREDENTIALS, startS3Server, type S3TestServer } from '../helpers/s3-server.js';

/*
 * Virtual-hosted addressing (`<bucket>.s3.example/key`, what AWS S3 uses and the default when
 * KEEPSAKE_S3_FORCE_PATH_STYLE is unset), against s3rver, which takes the bucket from the host
 * name of such requests. `*.keepsake.test` does not resolve, so the client's connections are sent
 * to 127.0.0.1 while the request keeps its host name, as DNS would do for a real endpoint.
 */
describe('S3 blob store, virtual-hosted addressing', () => {
  let server: S3TestServer;
  let store: S3BlobStore;
  const hosts: string[] = [];

  before(async () => {
    server = await startS3Server('keepsake-vhost', 'keepsake.test');
    const port = new URL(server.endpoint).port;
    const agent = new Agent({
      lookup: (hostname, options, callback) => {
        hosts.push(hostname);
        if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
        else callback(null, '127.0.0.1', 4);
      },
    } as ConstructorParameters<typeof Agent>[0]);
    store = new S3BlobStore('s3://keepsake-vhost/photos', {
      forcePathStyle: false,
      client: {
        endpoint: `http://s3.keepsake.test:${port}`,
        region: 'us-east-1',
        credentials: S3RVER_CREDENTIALS,
        requestHandler: { httpAgent: agent }, // options of the SDK's own Node handler
      },
    });
  });
  after(async () => {
    await store?.close();
    await server?.close();
  });

  it('puts, reads a range of, stats and deletes a blob with the bucket in the host name', async () => {
    await store.init();
    await store.put('renditions/ab/one/thumbnail.webp', Buffer.from('virtual-hosted bytes'));
    const chunks: Buffer[] = [];
    for await (const chunk of await store.get('renditions/ab/one/thumbnail.webp', {
      start: 8,
      end: 13,
    }))
      chunks.push(chunk as Buffer);
    assert.equal(Buffer.concat(chunks).toString(), 'hosted');
    assert.equal((await store.stat('renditions/ab/one/thumbnail.webp'))?.size, 20);
    await store.delete('renditions/ab/one/thumbnail.webp');
    assert.equal(await store.stat('renditions/ab/one/thumbnail.webp'), undefined);
    assert.ok(hosts.length > 0);
    assert.ok(
      hosts.every((host) => host === 'keepsake-vhost.s3.keepsake.test'),
      `every request went to the bucket's own host: ${[...new Set(hosts)].join(', ')}`,
    );
  });
});
