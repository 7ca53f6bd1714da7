import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { SharpImageRenderer } from '../src/adapters/media/sharp-image-renderer.js';
import { ensureIngestJpegs } from './corpus.js';
import { ingestThrough, upload } from './ingest.js';
import {
  api,
  buildCompiled,
  login,
  median,
  pool,
  ROOT,
  setupUser,
  sleep,
  startKeepsake,
  WORK,
  type Child,
} from './lib.js';
import { idleRss } from './memory.js';

/*
 * Vision, end to end (npm run bench -- --only=vision):
 * - throughput: photos per second through faces + objects + OCR, Keepsake's vision steps (queue,
 *   pool thread, database) beside the same libraries called directly on the same previews in one
 *   process (bench/vision-direct.ts); both include loading the models;
 * - ingest: the time to thumbnails for 100 camera-sized JPEGs with vision on (the default) and
 *   off, alternating; vision must not slow thumbnails down by more than 5 %;
 * - memory: the server's RSS once the models are released after the vision work, beside its RSS
 *   at start (target ≤ 150 MiB).
 */
type Row = [figure: string, keepsake: string, baseline: string, verdict: string];
type Quietly = <T>(run: () => Promise<T>) => Promise<{ result: T; othersShare: number }>;

const VISION_CORPUS = join(ROOT, '..', 'shared', 'vision-corpus');
const VISION_STEPS = ['faces', 'objects', 'ocr'] as const;
const INGEST_PHOTOS = 100;
const INGEST_RUNS = 3;

/** A mix of people, things and text: every face photo, every object photo, every OCR image. */
function visionPhotos(): string[] {
  const from = (dir: string) =>
    readdirSync(join(VISION_CORPUS, dir))
      .filter((name) => /\.(jpe?g|png)$/i.test(name))
      .sort()
      .map((name) => join(VISION_CORPUS, dir, name));
  return [...from('faces').slice(0, 12), ...from('objects').slice(0, 12), ...from('ocr')];
}

/** The previews Keepsake's thumbnails step makes of them, written once for the baseline. */
async function previewsOf(files: string[]): Promise<string> {
  const dir = join(WORK, 'vision-previews');
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const renderer = new SharpImageRenderer({ threads: 1 });
  await pool(files, 2, async (file, i) => {
    const { preview } = await renderer.render(file);
    await writeFile(join(dir, `${String(i).padStart(3, '0')}.${preview.format}`), preview.data);
  });
  return dir;
}

interface StepProgress {
  total: number;
  done: number;
  failed: number;
  pending: number;
}

async function visionProgress(server: Child, token: string) {
  const counts = await api<Record<string, { steps?: Record<string, StepProgress> }>>(
    `${server.url}/api/jobs`,
    { token },
  );
  return counts.vision?.steps ?? {};
}

async function keepsakeThroughput(files: string[]) {
  const dataDir = join(WORK, 'vision-data');
  await rm(dataDir, { recursive: true, force: true });
  const env = {
    KEEPSAKE_VISION_DUPLICATES: 'false',
    KEEPSAKE_VISION_IDLE_SECONDS: '5',
  };
  // First the uploads and thumbnails, with no vision worker: the vision jobs wait in their queue.
  let server = await startKeepsake(
    'vision-ingest',
    dataDir,
    { ...env, KEEPSAKE_CONCURRENCY_VISION: '0' },
    { compiled: true },
  );
  try {
    await setupUser(server.url);
    const token = await login(server.url);
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    await pool(
      files,
      2,
      async (file) => void (await upload(`${server.url}/api/assets`, token, file, agent)),
    );
    agent.destroy();
    for (;;) {
      const counts = await api<Record<string, { waiting: number; active: number }>>(
        `${server.url}/api/jobs`,
        { token },
      );
      if (
        counts.thumbnails!.waiting +
          counts.thumbnails!.active +
          counts.metadata!.waiting +
          counts.metadata!.active ===
        0
      )
        break;
      await sleep(200);
    }
  } finally {
    await server.stop();
  }
  // Then a server that does only that: the clock runs from its being ready (the baseline's from
  // its script's start: neither counts starting node) to the last step done; both load models.
  server = await startKeepsake('vision-run', dataDir, env, { compiled: true });
  const started = performance.now();
  try {
    const token = await login(server.url);
    for (;;) {
      const progress = await visionProgress(server, token);
      const finished = VISION_STEPS.every(
        (step) =>
          progress[step] && progress[step].pending === 0 && progress[step].total === files.length,
      );
      if (finished) break;
      if (performance.now() - started > 20 * 60_000)
        throw new Error(`vision not done; see ${server.logFile}`);
      await sleep(200);
    }
    const seconds = (performance.now() - started) / 1000;
    const progress = await visionProgress(server, token);
    const failed = VISION_STEPS.reduce((n, step) => n + progress[step]!.failed, 0);
    // The models go once the pool has been idle for KEEPSAKE_VISION_IDLE_SECONDS (5 s here); the
    // threads' memory is back some 15-20 s after the last step (measured every 5 s): read at 30 s.
    await sleep(25_000);
    const rss = await idleRss(server.pid);
    return { seconds, failed, rss: rss.total };
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

function directThroughput(previews: string): { seconds: number; loadSeconds: number } {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'bench/vision-direct.ts', previews],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as { seconds: number; loadSeconds: number };
}

async function startRss(): Promise<number> {
  const dataDir = join(WORK, 'vision-idle');
  await rm(dataDir, { recursive: true, force: true });
  const server = await startKeepsake('vision-idle', dataDir, {}, { compiled: true });
  try {
    return (await idleRss(server.pid)).total;
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function ingestSeconds(files: string[], vision: boolean): Promise<number> {
  const dataDir = join(WORK, 'vision-ingest-data');
  await rm(dataDir, { recursive: true, force: true });
  const server = await startKeepsake(
    `vision-ingest-${vision ? 'on' : 'off'}`,
    dataDir,
    { KEEPSAKE_JOB_CONCURRENCY: '2', KEEPSAKE_VISION: String(vision) },
    { compiled: true },
  );
  try {
    return (await ingestThrough(server, files)).seconds;
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function measureVision(notes: string[], quietly: Quietly): Promise<Row[]> {
  if (!existsSync(VISION_CORPUS)) {
    notes.push(`vision: skipped, ${VISION_CORPUS} is not on this machine`);
    return [];
  }
  buildCompiled();
  const files = visionPhotos();
  const previews = await previewsOf(files);
  console.log(`vision: ${files.length} photos, baseline (the libraries called directly)...`);
  const direct = await quietly(async () => directThroughput(previews));
  console.log(`  ${direct.result.seconds.toFixed(1)} s; Keepsake...`);
  const keepsake = await quietly(() => keepsakeThroughput(files));
  console.log(`  ${keepsake.result.seconds.toFixed(1)} s`);
  const atStart = await startRss();

  const ingestFiles = await ensureIngestJpegs(INGEST_PHOTOS);
  const on: number[] = [];
  const off: number[] = [];
  for (let r = 1; r <= INGEST_RUNS; r++) {
    console.log(`vision ingest run ${r}/${INGEST_RUNS}: vision off...`);
    off.push((await quietly(() => ingestSeconds(ingestFiles, false))).result);
    console.log(`  ${off.at(-1)!.toFixed(1)} s; vision on...`);
    on.push((await quietly(() => ingestSeconds(ingestFiles, true))).result);
    console.log(`  ${on.at(-1)!.toFixed(1)} s`);
  }

  const kRate = files.length / keepsake.result.seconds;
  const dRate = files.length / direct.result.seconds;
  const slowdown = median(on) / median(off) - 1;
  notes.push(
    `vision: ${files.length} photos (12 faces, 12 objects, ${files.length - 24} text images from the ` +
      `vision corpus); the baseline loaded its models in ${direct.result.loadSeconds.toFixed(1)} s; ` +
      `Keepsake's steps failed ${keepsake.result.failed} times; ingest with vision on: ` +
      `${on.map((s) => s.toFixed(1)).join(', ')} s, off: ${off.map((s) => s.toFixed(1)).join(', ')} s`,
  );
  return [
    [
      'vision: photos/s through faces + objects + OCR (Keepsake steps vs the libraries directly)',
      kRate.toFixed(2),
      dRate.toFixed(2),
      `${(kRate / dRate).toFixed(2)}× baseline; target ≥ 0.9: ${kRate / dRate >= 0.9 ? 'met' : 'MISSED'}`,
    ],
    [
      `vision: s to thumbnails for ${INGEST_PHOTOS} JPEGs, vision on vs off (median of ${INGEST_RUNS})`,
      median(on).toFixed(1),
      median(off).toFixed(1),
      `${(slowdown * 100).toFixed(1)} % slower; target ≤ 5 %: ${slowdown <= 0.05 ? 'met' : 'MISSED'}`,
    ],
    [
      'vision: server RSS once the models are released after the work (baseline: at start), MiB',
      keepsake.result.rss.toFixed(0),
      atStart.toFixed(0),
      `target ≤ 150 MiB: ${keepsake.result.rss <= 150 ? 'met' : 'MISSED'}`,
    ],
  ];
}

// Run on its own: tsx bench/vision-throughput.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const notes: string[] = [];
  const rows = await measureVision(notes, async (run) => ({ result: await run(), othersShare: 0 }));
  for (const row of rows) console.log(row.join(' | '));
  for (const note of notes) console.log(`- ${note}`);
  process.exit(0);
}
