import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import {
  setupAdmin,
  stagedLeftovers,
  startTestApp,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

const IDLE_SECONDS = 1;
const PER_USER = 2;
const BOUNDARY = 'keepsake-stall';

interface RawAnswer {
  status: number;
  headers: string;
  body: string;
  /** Milliseconds from the last byte sent to the answer's end. */
  afterMs: number;
}

/**
 * What the security probe did: a request that declares a huge body, sends its head and a part of
 * it, then nothing more. Resolves with the server's answer once it closes the connection.
 */
function stallingRequest(port: number, head: string, sent: Buffer): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let sentAt = 0;
    socket.on('connect', () => {
      socket.write(head);
      socket.write(sent, () => (sentAt = Date.now()));
    });
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [headers = '', body = ''] = text.split('\r\n\r\n');
      resolve({
        status: Number(headers.split(' ')[1]),
        headers,
        body,
        afterMs: Date.now() - sentAt,
      });
    });
    socket.setTimeout(30_000, () => socket.destroy(new Error('the server never answered')));
  });
}

const multipartHead = (method: string, path: string, headers: Record<string, string>) =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
  Object.entries({
    ...headers,
    'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`,
    'Content-Length': String(5 * 1024 ** 3), // 5 GB declared, as in the probe
  })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('') +
  '\r\n';

const partOf = (fileName: string, bytes: Buffer) =>
  Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    bytes,
  ]);

describe('stalled and piled-up uploads', () => {
  let t: TestApp;
  let admin: Session;
  let port: number;
  let photo: Buffer;

  const assertStalled = (answer: RawAnswer, what: string) => {
    assert.equal(answer.status, 408, `${what}: ${answer.headers}\n${answer.body}`);
    assert.equal(JSON.parse(answer.body).code, 'UPLOAD_STALLED', what);
    assert.match(answer.headers, /^connection: close$/im, what);
    // Ended for its silence, not long after it: the idle limit plus the watch's tick.
    assert.ok(answer.afterMs >= IDLE_SECONDS * 1000 - 100, `${what} after ${answer.afterMs} ms`);
    assert.ok(answer.afterMs < IDLE_SECONDS * 1000 + 3000, `${what} after ${answer.afterMs} ms`);
  };

  before(async () => {
    t = await startTestApp({
      env: {
        KEEPSAKE_UPLOAD_IDLE_TIMEOUT_SECONDS: String(IDLE_SECONDS),
        KEEPSAKE_MAX_CONCURRENT_UPLOADS_PER_USER: String(PER_USER),
      },
    });
    admin = await setupAdmin(t.app);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    assert.ok(address && typeof address === 'object');
    port = address.port;
    photo = await readFile(corpusPath('jpeg-exif/Sigma DP1.jpg'));
  });
  after(() => t.close());

  it('ends a multipart upload that stops sending, and removes what it staged', async () => {
    const answer = await stallingRequest(
      port,
      multipartHead('POST', '/api/assets', admin.headers),
      partOf('stalled.jpg', photo.subarray(0, 256 * 1024)),
    );
    assertStalled(answer, 'POST /api/assets');
    assert.equal(await stagedLeftovers(t), 0);
    const listed = await t.app.inject({ url: '/api/assets', headers: admin.headers });
    assert.deepEqual(listed.json().assets, []);
  });

  it('ends a stalled sidecar and a stalled upload through a link', async () => {
    const uploaded = await uploadFile(t.app, admin, corpusPath('jpeg-exif/IMG_0308.JPG'));
    const { id } = uploaded.json<{ id: string }>();
    await waitForAsset(t.app, admin, id);
    const sidecar = await stallingRequest(
      port,
      multipartHead('PUT', `/api/assets/${id}/sidecar`, admin.headers),
      partOf('x.xmp', Buffer.from('<?xpacket begin="')),
    );
    assertStalled(sidecar, 'PUT sidecar');

    const album = (
      await t.app.inject({
        method: 'POST',
        url: '/api/albums',
        headers: admin.headers,
        payload: { name: 'Drop box' },
      })
    ).json().id;
    const link = (
      await t.app.inject({
        method: 'POST',
        url: '/api/shared-links',
        headers: admin.headers,
        payload: { albumId: album, allowUpload: true },
      })
    ).json();
    const guest = await stallingRequest(
      port,
      multipartHead('POST', `/api/shared-links/${link.key}/assets`, {}),
      partOf('guest.jpg', photo.subarray(0, 128 * 1024)),
    );
    assertStalled(guest, 'guest upload');
    assert.equal(await stagedLeftovers(t), 0);
  });

  it('ends a stalled tus PATCH, keeping what arrived to resume from', async () => {
    const tus = { ...admin.headers, 'tus-resumable': '1.0.0' };
    const created = await fetch(`http://127.0.0.1:${port}/api/uploads`, {
      method: 'POST',
      headers: {
        ...tus,
        'upload-length': String(photo.length),
        'upload-metadata': `filename ${Buffer.from('tus.jpg').toString('base64')}`,
      },
    });
    assert.equal(created.status, 201, await created.text());
    const location = new URL(
      created.headers.get('location')!,
      `http://127.0.0.1:${port}/api/uploads/`,
    );
    const head =
      `PATCH ${location.pathname} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
      `Authorization: ${admin.headers.authorization}\r\nTus-Resumable: 1.0.0\r\n` +
      `Upload-Offset: 0\r\nContent-Type: application/offset+octet-stream\r\n` +
      `Content-Length: ${photo.length}\r\n\r\n`;
    const answer = await stallingRequest(port, head, photo.subarray(0, 512 * 1024));
    assertStalled(answer, 'tus PATCH');
    const resumable = await fetch(location, { method: 'HEAD', headers: tus });
    assert.equal(resumable.status, 200);
    // The upload is still there to resume; how much of the cut PATCH it kept is the store's
    // business (the disk store keeps every byte, S3 only whole parts of 5 MiB).
    const offset = Number(resumable.headers.get('upload-offset'));
    assert.ok(offset >= 0 && offset <= 512 * 1024, `offset ${offset}`);
  });

  it('refuses more uploads at once than one person may have, and frees them as they end', async () => {
    const stalls = [0, 1].map(() =>
      stallingRequest(
        port,
        multipartHead('POST', '/api/assets', admin.headers),
        partOf(`pile.jpg`, photo.subarray(0, 64 * 1024)),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300)); // both have reached their route
    const refused = await uploadFile(t.app, admin, corpusPath('jpeg-exif/DSCN0137.JPG'));
    assert.equal(refused.statusCode, 429, refused.body);
    assert.equal(refused.json().code, 'TOO_MANY_UPLOADS');
    for (const stall of await Promise.all(stalls)) assert.equal(stall.status, 408);
    const accepted = await uploadFile(t.app, admin, corpusPath('jpeg-exif/DSCN0137.JPG'));
    assert.equal(accepted.statusCode, 201, accepted.body);
    assert.equal(await stagedLeftovers(t), 0);
  });
});
