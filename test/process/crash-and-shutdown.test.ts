import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import { ADMIN } from '../helpers/test-app.js';
import { startServerProcess, stopProcess, type ServerProcess } from '../helpers/server-process.js';

const ROOT = new URL('../../', import.meta.url).pathname;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function signIn(server: ServerProcess, setup: boolean): Promise<Record<string, string>> {
  const json = { 'content-type': 'application/json' };
  if (setup)
    await fetch(`${server.url}/api/auth/setup`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(ADMIN),
    });
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email: ADMIN.email, password: ADMIN.password }),
  });
  const { accessToken } = (await res.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

describe('the server process', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'keepsake-process-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('killed during an upload: keeps every acknowledged asset, leaves no half-made one and no stray file', async () => {
    let server = await startServerProcess({ KEEPSAKE_DATA_DIR: dataDir });
    let auth = await signIn(server, true);
    const kept = await readFile(corpusPath('jpeg-exif/IMG_8568.JPG'));
    const form = new FormData();
    form.append('file', new Blob([kept]), 'IMG_8568.JPG');
    const acknowledged = await fetch(`${server.url}/api/assets`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    assert.equal(acknowledged.status, 201);
    const keptId = ((await acknowledged.json()) as { id: string }).id;

    // Start a multipart upload and stop sending half-way, so the server is mid-stream.
    const boundary = 'keepsake-crash-test';
    const req = request(`${server.url}/api/assets`, {
      method: 'POST',
      headers: { ...auth, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('error', () => {});
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.jpg"\r\n\r\n`,
    );
    req.write((await readFile(corpusPath('jpeg-exif/DSC00007.JPG'))).subarray(0, 1_000_000));
    const staging = join(dataDir, 'blobs', '.staging');
    for (let i = 0; i < 100 && (await filesUnder(staging)).length === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    assert.equal((await filesUnder(staging)).length, 1, 'the half upload is being staged');

    await stopProcess(server.child, 'SIGKILL');
    req.destroy();
    const outsideStaging = (await filesUnder(join(dataDir, 'blobs'))).filter(
      (f) => !f.startsWith(staging),
    );
    assert.equal(
      outsideStaging.filter((f) => f.includes('/originals/')).length,
      1,
      'only the acknowledged original',
    );

    server = await startServerProcess({ KEEPSAKE_DATA_DIR: dataDir });
    try {
      auth = await signIn(server, false);
      const listed = await fetch(`${server.url}/api/assets`, { headers: auth });
      const { assets } = (await listed.json()) as { assets: { id: string }[] };
      assert.deepEqual(
        assets.map((a) => a.id),
        [keptId],
      );
      const original = Buffer.from(
        await (
          await fetch(`${server.url}/api/assets/${keptId}/original`, { headers: auth })
        ).arrayBuffer(),
      );
      assert.ok(original.equals(kept), 'the acknowledged original is intact');
      assert.deepEqual(
        await filesUnder(staging),
        [],
        'start-up clears what the crash left in staging',
      );
    } finally {
      const code = await stopProcess(server.child, 'SIGTERM');
      assert.equal(code, 0, `SIGTERM shuts down cleanly; the server said:\n${server.output()}`);
    }
  });

  it('stops at once on SIGTERM while a browser keeps an idle connection open', async () => {
    const server = await startServerProcess({ KEEPSAKE_DATA_DIR: dataDir });
    // A browser tab keeps its connection for minutes; Node's own keep-alive agent does too.
    const agent = new Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    try {
      const status = await new Promise<number>((resolve, reject) => {
        request(`${server.url}/api/health`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        })
          .on('error', reject)
          .end();
      });
      assert.equal(status, 200);
      assert.equal(Object.values(agent.freeSockets).flat().length, 1, 'the connection stays open');
      const started = Date.now();
      const code = await stopProcess(server.child, 'SIGTERM');
      assert.equal(code, 0, `SIGTERM shuts down cleanly; the server said:\n${server.output()}`);
      assert.ok(Date.now() - started < 10_000, `stopped in ${Date.now() - started} ms`);
    } finally {
      agent.destroy();
      await stopProcess(server.child, 'SIGKILL');
    }
  });

  it('refuses to start with invalid configuration, naming the variable', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, KEEPSAKE_PORT: 'eighty', KEEPSAKE_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 30_000,
    });
    assert.notEqual(result.status, 0);
    // The reason is the server's one JSON log line (see: [Note: One logger]).
    const output = result.stdout + result.stderr;
    assert.match(output, /KEEPSAKE_PORT/);
    assert.match(output, /whole number/);
  });

  it('refuses to start when its database does not answer, naming it', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        KEEPSAKE_DATA_DIR: dataDir,
        // Port 1 on this machine: nothing listens there.
        KEEPSAKE_DATABASE_URL: 'postgres://keepsake:secret@127.0.0.1:1/photos',
      },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const output = result.stdout + result.stderr;
    assert.equal(result.status, 69, output);
    assert.match(output, /PostgreSQL at postgres:\/\/keepsake:\*\*\*@127\.0\.0\.1:1\/photos/);
    assert.doesNotMatch(output, /secret/, 'the password stays out of the message');
  });
});
