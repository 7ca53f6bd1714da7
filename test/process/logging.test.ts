import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { corpusPath } from '../helpers/corpus.js';
import { ADMIN } from '../helpers/test-app.js';
import { startServerProcess, stopProcess, type ServerProcess } from '../helpers/server-process.js';

// See: [Note: One logger].
describe("the server's log at the default level", () => {
  let dataDir: string;
  let server: ServerProcess;
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'keepsake-logging-'));
    server = await startServerProcess({
      KEEPSAKE_DATA_DIR: dataDir,
      KEEPSAKE_LOG_LEVEL: 'info', // the default, which the helper otherwise lowers to warn
      KEEPSAKE_JOB_RETRY_BASE_MS: '50',
      KEEPSAKE_JOB_POLL_INTERVAL_MS: '50',
      // A busy test machine must not turn an ordinary request into a "slow" one.
      KEEPSAKE_SLOW_REQUEST_MS: '60000',
    });
  });
  after(async () => {
    if (server) await stopProcess(server.child);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('is JSON, line by line, with no line per ordinary request and the failed job with its fields', async () => {
    const json = { 'content-type': 'application/json' };
    const post = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: json, body: JSON.stringify(body) });
    assert.equal((await post('/api/auth/setup', ADMIN)).status, 201);
    const login = await post('/api/auth/login', { email: ADMIN.email, password: ADMIN.password });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };

    // Ordinary browsing: good answers and a 404, none of which belongs in the log at info.
    for (const path of ['/api/health', '/api/users/me', '/api/timeline/buckets', '/api/albums'])
      assert.equal((await fetch(`${server.url}${path}`, { headers: auth })).status, 200, path);
    assert.equal(
      (
        await fetch(`${server.url}/api/assets/00000000-0000-4000-8000-000000000000`, {
          headers: auth,
        })
      ).status,
      404,
    );

    // A good photo and a corrupt one: the second fails its thumbnails job.
    const upload = async (bytes: Buffer, name: string) => {
      const form = new FormData();
      form.append('file', new Blob([bytes]), name);
      const res = await fetch(`${server.url}/api/assets`, {
        method: 'POST',
        headers: auth,
        body: form,
      });
      assert.equal(res.status, 201);
      return ((await res.json()) as { id: string }).id;
    };
    await upload(await readFile(corpusPath('jpeg-exif/IMG_8568.JPG')), 'IMG_8568.JPG');
    const corrupt = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.alloc(20_000, 0x5a),
    ]);
    const brokenId = await upload(corrupt, 'broken.jpg');

    const lines = () =>
      server
        .output()
        .split('\n')
        .filter((line) => line.trim() !== '');
    const parsed = () =>
      lines().flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return []; // reported below, once the server has stopped
        }
      });
    const failedJob = () => parsed().find((l) => l.assetId === brokenId && l.step === 'thumbnails');
    for (let i = 0; i < 300 && !failedJob(); i++) await new Promise((r) => setTimeout(r, 100));

    const stopped = await stopProcess(server.child);
    assert.equal(stopped, 0);
    for (const line of lines())
      assert.doesNotThrow(() => JSON.parse(line), `not a JSON line: ${line}`);
    const log = parsed();
    const perRequest = log.filter((l) => 'reqId' in l || 'req' in l || 'res' in l);
    assert.deepEqual(perRequest, [], 'no line for ordinary requests at info');
    const line = failedJob();
    assert.ok(line, `no line for the failed job in:\n${lines().join('\n')}`);
    assert.equal(line.step, 'thumbnails');
    assert.equal(line.attempt, 1);
    assert.match(String(line.reason), /could not be read/);
    assert.ok(
      log.some((l) => /serving on port/.test(String(l.msg))),
      'the start is logged',
    );
    assert.ok(
      log.some((l) => /SIGTERM/.test(String(l.msg))),
      'the shutdown is logged',
    );
  });
});
