import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/adapters/db/open-database.js';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  multipart,
  setupAdmin,
  stagedLeftovers,
  startTestApp,
  uploadBytes,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';
import { generateVideo } from '../helpers/video-files.js';

// What the security probe uploaded: pages a browser would run, named as camera files whose
// formats the type sniffer does not know. See: [Note: Serving uploaded bytes].
const HTML = Buffer.from(
  '<!doctype html><html><body><script>fetch("/api/api-keys",{method:"POST"})</script></body></html>',
);
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
);
const PAYLOADS = [
  { name: 'holiday.mts', data: HTML },
  { name: 'holiday.m2ts', data: HTML },
  { name: 'IMG_0001.crw', data: SVG },
];
const SANDBOX = "sandbox; default-src 'none'";

describe('uploads that a browser would run', () => {
  let t: TestApp;
  let alice: Session;
  let ed: Session;
  let origin: string;

  const call = (session: Session | undefined, method: string, url: string, payload?: object) =>
    t.app.inject({ method: method as 'GET', url, headers: session?.headers, payload });

  const assertRefused = (res: { statusCode: number; body: string }, what: string) => {
    assert.equal(res.statusCode, 415, `${what}: ${res.body}`);
    assert.equal(JSON.parse(res.body).code, 'UNSUPPORTED_MEDIA_TYPE', what);
  };

  const assetCount = async (session: Session) =>
    (await call(session, 'GET', '/api/timeline/buckets'))
      .json<{ count: number }[]>()
      .reduce((sum, bucket) => sum + bucket.count, 0);

  /** Sets a stored asset's type straight in the database, as an older server could have. */
  const forceMimeType = async (id: string, mimeType: string) => {
    const connection = await openDatabase(t.keepsake.config.databaseUrl);
    try {
      await connection.db
        .updateTable('assets')
        .set({ mime_type: mimeType })
        .where('id', '=', id)
        .execute();
    } finally {
      await connection.close();
    }
  };

  before(async () => {
    t = await startTestApp();
    alice = await setupAdmin(t.app);
    ed = await createUser(t.app, alice, 'Ed');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    assert.ok(address && typeof address === 'object');
    origin = `http://127.0.0.1:${address.port}`;
  });
  after(() => t.close());

  it('refuses them in a plain upload, with nothing left behind', async () => {
    for (const { name, data } of PAYLOADS)
      assertRefused(await uploadBytes(t.app, alice, data, name), name);
    assert.equal(await assetCount(alice), 0);
    assert.equal(await stagedLeftovers(t), 0);
  });

  it('refuses them in a resumable (tus) upload', async () => {
    for (const { name, data } of PAYLOADS) {
      const tus = { ...alice.headers, 'tus-resumable': '1.0.0' };
      const created = await fetch(`${origin}/api/uploads`, {
        method: 'POST',
        headers: {
          ...tus,
          'upload-length': String(data.length),
          'upload-metadata': `filename ${Buffer.from(name).toString('base64')}`,
        },
      });
      assert.equal(created.status, 201, await created.text());
      const location = new URL(created.headers.get('location')!, `${origin}/api/uploads/`);
      const patched = await fetch(location, {
        method: 'PATCH',
        headers: {
          ...tus,
          'upload-offset': '0',
          'content-type': 'application/offset+octet-stream',
        },
        body: data,
      });
      assertRefused({ statusCode: patched.status, body: await patched.text() }, name);
    }
    assert.equal(await assetCount(alice), 0);
  });

  it('refuses them from an editor of a shared album', async () => {
    const album = (await call(alice, 'POST', '/api/albums', { name: 'Trip' })).json().id;
    const shared = await call(alice, 'PUT', `/api/albums/${album}/users`, {
      users: [{ userId: ed.userId, role: 'editor' }],
    });
    assert.equal(shared.statusCode, 200, shared.body);
    for (const { name, data } of PAYLOADS)
      assertRefused(await uploadBytes(t.app, ed, data, name), name);
    assert.equal((await call(alice, 'GET', `/api/albums/${album}`)).json().assetCount, 0);
  });

  it('refuses them through a link that takes uploads', async () => {
    const album = (await call(alice, 'POST', '/api/albums', { name: 'Party' })).json().id;
    const link = await call(alice, 'POST', '/api/shared-links', {
      albumId: album,
      allowUpload: true,
    });
    assert.equal(link.statusCode, 201, link.body);
    for (const { name, data } of PAYLOADS) {
      const body = await multipart({ data, name });
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/shared-links/${link.json().key}/assets`,
        headers: body.headers,
        payload: body.payload,
      });
      assertRefused(res, name);
    }
    assert.equal(await assetCount(alice), 0);
  });

  it('still takes camera files whose content proves their format', async () => {
    for (const file of ['raw/CRW_0305.CRW', 'raw/P003913.KDC', 'raw/GOPR8513.GPR']) {
      const res = await uploadFile(t.app, alice, corpusPath(file));
      assert.equal(res.statusCode, 201, `${file}: ${res.body}`);
    }
    // An AVCHD-style transport stream (what a camera's .mts holds).
    const dir = await mkdtemp(join(tmpdir(), 'keepsake-mts-'));
    try {
      const path = join(dir, 'clip.mts');
      await generateVideo(path, {
        seconds: 1,
        width: 160,
        height: 120,
        codec: ['-c:v', 'libx264', '-preset', 'ultrafast', '-f', 'mpegts'],
      });
      const res = await uploadBytes(t.app, alice, await readFile(path), 'clip.mts');
      assert.equal(res.statusCode, 201, res.body);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('serves a stored active type only as a sandboxed download', async () => {
    const uploaded = await uploadFile(t.app, alice, corpusPath('jpeg-exif/IMG_0308.JPG'));
    const { id } = uploaded.json<{ id: string }>();
    await waitForAsset(t.app, alice, id);
    const link = await call(alice, 'POST', '/api/shared-links', {
      assetIds: [id],
      allowDownload: true,
    });
    assert.equal(link.statusCode, 201, link.body);

    const passive = await call(alice, 'GET', `/api/assets/${id}/original`);
    assert.equal(passive.headers['content-type'], 'image/jpeg');
    assert.equal(passive.headers['x-content-type-options'], 'nosniff');
    assert.equal(passive.headers['content-security-policy'], SANDBOX);

    for (const active of ['text/html', 'image/svg+xml', 'application/xml', 'text/javascript']) {
      await forceMimeType(id, active);
      for (const url of [
        `/api/assets/${id}/original`,
        `/api/shared-links/${link.json().key}/assets/${id}/original`,
      ]) {
        const res = await call(url.includes('shared-links') ? undefined : alice, 'GET', url);
        assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
        assert.equal(res.headers['content-type'], 'application/octet-stream', `${active} ${url}`);
        assert.match(String(res.headers['content-disposition']), /^attachment;/, url);
        assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
        assert.equal(res.headers['content-security-policy'], SANDBOX, url);
      }
    }
    // A video that plays as it is: /video serves the original's bytes, so the same rule holds.
    const dir = await mkdtemp(join(tmpdir(), 'keepsake-active-video-'));
    try {
      const path = await generateVideo(join(dir, 'clip.mp4'), {
        seconds: 1,
        width: 160,
        height: 120,
      });
      const clip = (await uploadBytes(t.app, alice, await readFile(path), 'clip.mp4')).json().id;
      for (const deadline = Date.now() + 60_000; ;) {
        const asset = (await call(alice, 'GET', `/api/assets/${clip}`)).json();
        if (asset.playback && asset.playback.status !== 'pending') {
          assert.equal(asset.playback.status, 'original');
          break;
        }
        assert.ok(Date.now() < deadline, 'the playback step finished');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const clipLink = await call(alice, 'POST', '/api/shared-links', {
        assetIds: [clip],
        allowDownload: true,
      });
      await forceMimeType(clip, 'text/html');
      for (const [session, url] of [
        [alice, `/api/assets/${clip}/video`],
        [undefined, `/api/shared-links/${clipLink.json().key}/assets/${clip}/video`],
      ] as const) {
        const res = await call(session, 'GET', url);
        assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
        assert.equal(res.headers['content-type'], 'application/octet-stream', url);
        assert.match(String(res.headers['content-disposition']), /^attachment;/, url);
        assert.equal(res.headers['content-security-policy'], SANDBOX, url);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const sidecar = await call(alice, 'GET', `/api/assets/${id}/sidecar.xmp`);
    assert.equal(sidecar.headers['x-content-type-options'], 'nosniff');
    assert.equal(sidecar.headers['content-security-policy'], SANDBOX);
    assert.match(String(sidecar.headers['content-disposition']), /^attachment;/);
  });
});
