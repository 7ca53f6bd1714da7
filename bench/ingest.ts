import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { Agent, request, type ClientRequest } from 'node:http';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { imageThreadsFor, loadConfig } from '../src/config.js';
import { SharpImageRenderer } from '../src/adapters/media/sharp-image-renderer.js';
import { api, login, pool, setupUser, sleep, startKeepsake, WORK, type Child } from './lib.js';

/** Jobs run two at a time per queue in Keepsake (its default); the baseline gets the same. */
export const PARALLEL = 2;
/** A phone app uploads a few files at once. */
const UPLOADS_AT_ONCE = 4;

export interface IngestRun {
  seconds: number;
  photosPerSecond: number;
  /** Keepsake only: when the last upload was answered. */
  uploadSeconds?: number;
  /** Keepsake embedded only: thumbnail + preview bytes stored per photo (for docs/capacity.md). */
  renditionBytesPerPhoto?: number;
}

interface QueueCounts {
  waiting: number;
  active: number;
  completed: number;
  failed: number;
}

/** Keepsake embedded, end to end, as `npm start` runs it: see ingestThrough. */
export async function ingestKeepsake(files: string[]): Promise<IngestRun> {
  const dataDir = join(WORK, 'ingest-data');
  await rm(dataDir, { recursive: true, force: true });
  const server = await startKeepsake(
    'ingest-keepsake',
    dataDir,
    { KEEPSAKE_JOB_CONCURRENCY: String(PARALLEL) },
    { compiled: true }, // as `npm start` runs it: the tsx loader is not part of the product
  );
  try {
    const run = await ingestThrough(server, files);
    const renditions = await folderBytes(join(dataDir, 'blobs', 'renditions'));
    return { ...run, renditionBytesPerPhoto: renditions / files.length };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Uploads every file to a running Keepsake (a fresh installation: no user yet), then waits until
 * both pipeline steps (metadata, thumbnails) have completed for all of them. The clock runs from
 * the first upload to the poll that sees the last job done.
 */
export async function ingestThrough(server: Child, files: string[]): Promise<IngestRun> {
  await setupUser(server.url);
  const token = await login(server.url);
  const ids: string[] = [];
  const started = performance.now();
  let uploadSeconds = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: UPLOADS_AT_ONCE });
  const uploads = pool(files, UPLOADS_AT_ONCE, async (file) => {
    ids.push(await upload(`${server.url}/api/assets`, token, file, agent));
  })
    .then(() => (uploadSeconds = (performance.now() - started) / 1000))
    .finally(() => agent.destroy());
  let uploadError: unknown;
  uploads.catch((error: unknown) => (uploadError = error));

  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    if (uploadError) throw uploadError;
    if (Date.now() > deadline) throw new Error(`not done after 15 minutes; see ${server.logFile}`);
    const counts = await api<Record<string, QueueCounts>>(`${server.url}/api/jobs`, { token });
    const steps = [counts.metadata, counts.thumbnails];
    const failed = steps.reduce((n, c) => n + (c?.failed ?? 0), 0);
    if (failed > 0) throw new Error(`${failed} jobs failed; see ${server.logFile}`);
    const done = steps.every(
      (c) => c && c.waiting === 0 && c.active === 0 && c.completed === files.length,
    );
    if (done) break;
    // The client shares the CPU with the server it measures: poll rarely until the end is near,
    // then often, so the clock stops within 50 ms of the last job.
    const left = steps.reduce((n, c) => n + files.length - (c?.completed ?? 0), 0);
    await sleep(left > 20 ? 500 : 50);
  }
  const seconds = (performance.now() - started) / 1000;
  await uploads; // every job is done, so every upload has been (or is just being) answered

  // Not timed: every asset must be ready, or the figure would count unfinished work.
  const notReady: string[] = [];
  await pool(ids, 8, async (id) => {
    const asset = await api<{ status: string }>(`${server.url}/api/assets/${id}`, { token });
    if (asset.status !== 'ready') notReady.push(`${id}: ${asset.status}`);
  });
  if (notReady.length) throw new Error(`assets not ready: ${notReady.slice(0, 5).join(', ')}`);
  return { seconds, photosPerSecond: files.length / seconds, uploadSeconds };
}

/**
 * One multipart upload, the file streamed from disk. Written out by hand on node:http because
 * fetch's FormData costs the client three times the CPU, and on a small machine the client's
 * CPU is taken from the server being measured. For the same reason the file is read into
 * reused buffers rather than a read stream's fresh 1 MiB chunks: 740 MB of short-lived buffers
 * made V8 run a full collection of the benchmark's own heap every few dozen uploads (~0.6 CPU-s
 * of the ~2 the client cost).
 */
export async function upload(
  url: string,
  token: string,
  file: string,
  agent: Agent,
): Promise<string> {
  const boundary = `keepsake-bench-${randomUUID()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${basename(file)}"\r\n` +
      'Content-Type: image/jpeg\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const source = await open(file);
  try {
    const { size } = await source.stat();
    const headers = {
      authorization: `Bearer ${token}`,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': head.length + size + tail.length,
    };
    const req = request(url, { method: 'POST', agent, headers });
    const answer = new Promise<string>((resolve, reject) => {
      req.on('error', reject);
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => {
          if (res.statusCode === 201) resolve((JSON.parse(body) as { id: string }).id);
          else reject(new Error(`upload ${file}: ${res.statusCode} ${body}`));
        });
      });
    });
    answer.catch(() => undefined); // awaited below; a refusal may come before the body is sent
    await send(req, head);
    await withBuffer(async (buffer) => {
      for (let sent = 0; sent < size;) {
        const { bytesRead } = await source.read(buffer, 0, buffer.length, sent);
        if (bytesRead === 0) throw new Error(`${file} shrank while being uploaded`);
        // The buffer is read into again only after the socket has taken this chunk.
        await send(req, buffer.subarray(0, bytesRead));
        sent += bytesRead;
      }
    });
    req.end(tail);
    return await answer;
  } finally {
    await source.close();
  }
}

function send(req: ClientRequest, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) =>
    req.write(chunk, (error) => (error ? reject(error) : resolve())),
  );
}

const spareBuffers: Buffer[] = [];

async function withBuffer<T>(use: (buffer: Buffer) => Promise<T>): Promise<T> {
  const buffer = spareBuffers.pop() ?? Buffer.allocUnsafe(1 << 20);
  try {
    return await use(buffer);
  } finally {
    spareBuffers.push(buffer);
  }
}

/**
 * The least any server could do with these files: the renderer Keepsake uses (same sharp
 * options, same renditions, same libvips threads per image), two files at a time, and the
 * thumbnail and preview written to disk and fsynced as Keepsake's blob store does. No HTTP, hashing, EXIF reading or database.
 */
export async function ingestBaseline(files: string[]): Promise<IngestRun> {
  const outDir = join(WORK, 'ingest-baseline');
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  // The libvips threads Keepsake would use with the same concurrency on this machine.
  const config = loadConfig({ KEEPSAKE_JOB_CONCURRENCY: String(PARALLEL) });
  const renderer = new SharpImageRenderer({
    threads: imageThreadsFor(config, availableParallelism()),
  });
  try {
    const started = performance.now();
    await pool(files, PARALLEL, async (file, i) => {
      const rendered = await renderer.render(file);
      await writeDurably(join(outDir, `${i}-thumbnail.webp`), rendered.thumbnail.data);
      await writeDurably(join(outDir, `${i}-preview.jpeg`), rendered.preview.data);
    });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, photosPerSecond: files.length / seconds };
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}

async function folderBytes(folder: string): Promise<number> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(
    entries
      .filter((e) => e.isFile())
      .map(async (e) => (await stat(join(e.parentPath, e.name))).size),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

async function writeDurably(path: string, data: Buffer): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
