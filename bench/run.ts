import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { ensureIngestJpegs } from './corpus.js';
import { ingestBaseline, ingestKeepsake, PARALLEL, type IngestRun } from './ingest.js';
import { measureDatabaseSize } from './database-size.js';
import { measureFormats } from './formats.js';
import { measureQueueOverhead } from './queue-overhead.js';
import { ingestScaleOut } from './scaleout.js';
import { BROWSER_ASSETS, measureBrowser } from './browser.js';
import { measureCorpusMemory } from './corpus-memory.js';
import { measureOcr } from './vision-ocr.js';
import { measureObjects } from './vision-objects.js';
import { measureVision } from './vision-throughput.js';
import { measureFaces } from './vision-faces.js';
import { measureDuplicates } from './vision-duplicates.js';
import { ensureTranscodeClip, transcodeBaseline, transcodeKeepsake } from './transcode.js';
import { buildCompiled, median, ROOT, stopAll, WORK } from './lib.js';
import { measuringCpu, waitForQuiet } from './load.js';
import type { Rss } from './memory.js';
import { ensureTimelineData } from './seed-db.js';
import {
  measureKeepsakeTimeline,
  measureStaticBaseline,
  type Launcher,
  type TimelineSide,
} from './timeline.js';

/*
 * npm run bench [-- --runs=N] [-- --only=ingest|timeline|scaleout|transcode|formats|browser|corpus (alias: memory)|vision|ocr|faces|objects|duplicates]
 * Prints one table; every Keepsake figure sits beside a baseline measured in the same run on
 * the same machine, because absolute figures say little across machines.
 */
const PHOTOS = 200;
const args = new Map(
  process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=') as [string, string]),
);
const ingestRuns = Number(args.get('runs') ?? 5);
const only = args.get('only');

type Row = [figure: string, keepsake: string, baseline: string, verdict: string];

async function main(): Promise<void> {
  const info = machine();
  console.log(
    `${info.date} | ${info.nproc} CPUs (${info.cpu}) | ${info.memory} | Node ${info.node} | ` +
      `commit ${info.commit} | load ${info.load} at start`,
  );
  const rows: Row[] = [];
  const notes: string[] = [];
  if (!only || only === 'ingest') rows.push(await ingest(notes));
  if (!only || only === 'timeline') rows.push(...(await timeline(notes)));
  if (!only || only === 'scaleout') rows.push(...(await scaleOut(notes)));
  if (!only || only === 'formats') rows.push(...(await measureFormats(notes, quietly)));
  if (!only || only === 'transcode') rows.push(await transcode(notes));
  if (!only || only === 'browser') rows.push(...(await browser(notes)));
  if (!only || only === 'corpus' || only === 'memory') rows.push(...(await corpusMemory(notes)));
  if (!only || only === 'ocr') rows.push(...(await measureOcr(notes)));
  if (!only || only === 'vision') rows.push(...(await measureVision(notes, quietly)));
  if (!only || only === 'faces') rows.push(...(await faces(notes)));
  if (!only || only === 'objects') rows.push(...(await measureObjects(notes)));
  if (!only || only === 'duplicates') rows.push(...(await measureDuplicates(notes)));

  if (busyRuns > 0)
    notes.unshift(
      `WARNING: other processes took over 5 % of the CPU during ${busyRuns} measurement(s); ` +
        'those figures are skewed (see the shares below)',
    );
  const table = formatTable(rows);
  console.log(`\n${table}\n`);
  for (const note of notes) console.log(`- ${note}`);
  await writeFile(
    join(WORK, 'results.md'),
    `${info.date}, ${info.nproc} CPUs (${info.cpu}), ${info.memory}, Node ${info.node}, ` +
      `commit ${info.commit}\n\n` +
      `${table}\n\n${notes.map((n) => `- ${n}`).join('\n')}\n`,
  );
}

async function ingest(notes: string[]): Promise<Row> {
  const files = await ensureIngestJpegs(PHOTOS);
  buildCompiled(); // Keepsake runs as `npm start` runs it
  const pairs: { keepsake: IngestRun; baseline: IngestRun }[] = [];
  // Alternating: a burst of other load on the machine hurts one run, not a side.
  for (let r = 1; r <= ingestRuns; r++) {
    console.log(`ingest run ${r}/${ingestRuns}: baseline...`);
    const b = await quietly(() => ingestBaseline(files));
    console.log(`  ${b.result.seconds.toFixed(1)} s; Keepsake...`);
    const k = await quietly(() => ingestKeepsake(files));
    console.log(`  ${k.result.seconds.toFixed(1)} s`);
    // The CPU share tells whether a side was CPU-bound; Keepsake's includes the upload client.
    notes.push(
      `ingest run ${r}: Keepsake ${k.result.seconds.toFixed(1)} s (last upload answered at ` +
        `${k.result.uploadSeconds?.toFixed(1)} s; used ${pct(k.ownShare)} of the CPU, ` +
        `renditions ${kb(k.result.renditionBytesPerPhoto ?? 0)} a photo, ` +
        `${others(k.othersShare)}), baseline ${b.result.seconds.toFixed(1)} s ` +
        `(used ${pct(b.ownShare)}, ${others(b.othersShare)}); ratio ` +
        (k.result.photosPerSecond / b.result.photosPerSecond).toFixed(2),
    );
    pairs.push({ keepsake: k.result, baseline: b.result });
  }
  /*
   * [Note: The ingest ratio is the median of paired runs]
   * Each pair (baseline, then Keepsake, seconds apart) gives a ratio, and the verdict is the
   * median of those. On these shared VMs the baseline alone swings by up to 15 % from one run to
   * the next (17.0 to 20.3 s in one session, Keepsake 20.2 to 23.2 s). The ratio of each side's
   * best run, used until 2026-11-26, set Keepsake against the baseline's luckiest run, and its
   * verdict flipped between invocations of the same commit (0.82 to 0.95). A pair shares the
   * machine's state of the moment, and a median ignores a disturbed pair. The ratio of bests
   * is still printed beside it.
   */
  const ratios = pairs.map((p) => p.keepsake.photosPerSecond / p.baseline.photosPerSecond);
  const ratio = median(ratios);
  const best = (side: 'keepsake' | 'baseline') =>
    Math.max(...pairs.map((p) => p[side].photosPerSecond));
  notes.push(
    `ingest ratio of each side's best run: ${(best('keepsake') / best('baseline')).toFixed(2)}`,
  );
  return [
    `ingest: photos/s, ${PHOTOS} × 12 MP JPEG (median of ${ingestRuns} paired runs)`,
    median(pairs.map((p) => p.keepsake.photosPerSecond)).toFixed(2),
    median(pairs.map((p) => p.baseline.photosPerSecond)).toFixed(2),
    `${ratio.toFixed(2)}; target ≥ 0.85: ${ratio >= 0.85 ? 'met' : 'MISSED'}`,
  ];
}

/**
 * The scale-out stack (PostgreSQL, BullMQ, S3) on this one machine: ingest with 1 and 2 worker
 * processes beside the same baseline as the embedded ingest, and what BullMQ costs a job beside
 * the embedded table queue. One run each: these say what the stack costs, not how it scales
 * (more processes on the same cores add no cores).
 */
async function scaleOut(notes: string[]): Promise<Row[]> {
  const files = await ensureIngestJpegs(PHOTOS);
  buildCompiled();
  console.log('scale-out: baseline...');
  const b = await quietly(() => ingestBaseline(files));
  const rows: Row[] = [];
  for (const workers of [1, 2]) {
    console.log(`scale-out: ingest with ${workers} worker process(es)...`);
    const k = await quietly(() => ingestScaleOut(files, workers));
    const ratio = k.result.photosPerSecond / b.result.photosPerSecond;
    rows.push([
      `scale-out ingest: photos/s, 1 API + ${workers} worker process(es), PostgreSQL + BullMQ + s3rver`,
      k.result.photosPerSecond.toFixed(2),
      b.result.photosPerSecond.toFixed(2),
      ratio.toFixed(2),
    ]);
    notes.push(
      `scale-out ingest, ${workers} worker(s): ${k.result.seconds.toFixed(1)} s (last upload ` +
        `answered at ${k.result.uploadSeconds?.toFixed(1)} s; ${pct(k.ownShare)} of the CPU, ` +
        `${others(k.othersShare)}); baseline ${b.result.seconds.toFixed(1)} s`,
    );
  }
  const JOBS = 2000;
  console.log('scale-out: queue overhead, embedded table queue...');
  const embedded = await quietly(() => measureQueueOverhead('embedded', JOBS));
  console.log('scale-out: queue overhead, outbox + BullMQ...');
  const bull = await quietly(() => measureQueueOverhead('bullmq', JOBS));
  rows.push([
    `job overhead: ms per no-op job, outbox on PostgreSQL + BullMQ vs. table queue on SQLite`,
    bull.result.msPerJob.toFixed(2),
    embedded.result.msPerJob.toFixed(2),
    `${(bull.result.msPerJob / embedded.result.msPerJob).toFixed(1)}× the embedded queue`,
  ]);
  const ASSETS_FOR_SIZE = 100_000;
  console.log('scale-out: database bytes per asset...');
  const pgSize = await measureDatabaseSize('postgres', ASSETS_FOR_SIZE);
  const sqliteSize = await measureDatabaseSize('sqlite', ASSETS_FOR_SIZE);
  rows.push([
    `database: bytes per asset, PostgreSQL vs. SQLite (${ASSETS_FOR_SIZE / 1000}k assets, indexes included)`,
    pgSize.bytesPerAsset.toFixed(0),
    sqliteSize.bytesPerAsset.toFixed(0),
    `${(pgSize.bytesPerAsset / sqliteSize.bytesPerAsset).toFixed(1)}× SQLite`,
  ]);
  notes.push(
    `database: PostgreSQL index bytes per asset: ${Object.entries(pgSize.indexBytesPerAsset ?? {})
      .map(([name, bytes]) => `${name} ${bytes.toFixed(0)}`)
      .join(', ')}`,
  );
  notes.push(
    `job overhead: ${JOBS} jobs each queued in its own transaction, 4 at a time, ${PARALLEL} ` +
      `workers; BullMQ ${bull.result.seconds.toFixed(1)} s, embedded ` +
      `${embedded.result.seconds.toFixed(1)} s (an asset takes 2 jobs); Redis holds ` +
      `${bull.result.redisBytesPerJob?.toFixed(0)} bytes per completed job while it is kept`,
  );
  return rows;
}

/** Keepsake's face grouping beside Immich's on the same embeddings; its own table goes first. */
async function faces(notes: string[]): Promise<Row[]> {
  const report = await measureFaces();
  console.log(`\n${report.table}\n`);
  notes.push(...report.notes);
  return report.rows;
}

/** A video's playable copy through the playback job, beside plain ffmpeg with the same arguments. */
async function transcode(notes: string[]): Promise<Row> {
  const clip = await ensureTranscodeClip();
  buildCompiled();
  console.log('transcode: baseline (plain ffmpeg)...');
  const b = await quietly(() => transcodeBaseline(clip));
  console.log(`  ${b.result.seconds.toFixed(1)} s; Keepsake...`);
  const k = await quietly(() => transcodeKeepsake(clip));
  console.log(`  ${k.result.seconds.toFixed(1)} s`);
  const ratio = b.result.seconds / k.result.jobSeconds!;
  notes.push(
    `transcode: upload to playback done ${k.result.seconds.toFixed(1)} s (the upload, ` +
      `metadata and poster frame come first); peak RSS of the encoding ffmpeg ` +
      `${k.result.ffmpegPeakMiB.toFixed(0)} MiB (baseline ${b.result.ffmpegPeakMiB.toFixed(0)} MiB), ` +
      `Keepsake's server ${k.result.serverPeakMiB?.toFixed(0)} MiB; Keepsake ` +
      `${others(k.othersShare)}, baseline ${others(b.othersShare)}`,
  );
  return [
    'transcode: s, 20 s 1080p MPEG-4 clip → 720p H.264/AAC MP4, the playback job vs plain ffmpeg',
    k.result.jobSeconds!.toFixed(2),
    b.result.seconds.toFixed(2),
    `${ratio.toFixed(2)} (baseline/Keepsake); target ≥ 0.95: ${ratio >= 0.95 ? 'met' : 'MISSED'}`,
  ];
}

/** The web app on a 100k-asset library in chromium, beside an empty page from the same server. */
async function browser(notes: string[]): Promise<Row[]> {
  console.log('browser: web app on a 100k-asset library, and an empty page...');
  const { result, othersShare } = await quietly(() => measureBrowser());
  const { keepsake: k, empty: e } = result;
  const kib = (bytes: number) => (bytes / 1024).toFixed(1);
  notes.push(
    `browser: ${BROWSER_ASSETS.toLocaleString('en')} assets over ${result.months} months, ` +
      `chromium headless 1280×800, scrolled evenly through 50 months in 10 s; ${others(othersShare)}`,
  );
  return [
    [
      'browser: navigation to first screen of thumbnails, ms',
      String(k.firstScreenMs),
      String(e.firstScreenMs),
      `${(k.firstScreenMs / e.firstScreenMs).toFixed(1)}× the empty page`,
    ],
    [
      'browser: frames per second while scrolling 50 months',
      k.fps.toFixed(0),
      e.fps.toFixed(0),
      `p95 frame ${k.p95FrameMs.toFixed(0)} ms (empty page ${e.p95FrameMs.toFixed(0)} ms)`,
    ],
    [
      'browser: most DOM elements while scrolling',
      String(k.maxDomNodes),
      String(e.maxDomNodes),
      'must stay bounded',
    ],
    [
      'browser: JavaScript transferred on first load, KiB (compressed)',
      kib(k.jsBytes),
      kib(e.jsBytes),
      `target ≤ 300 KiB gzipped: ${k.jsBytes <= 300 * 1024 ? 'met' : 'MISSED'}`,
    ],
  ];
}

/** A worker's memory while the whole corpus goes through it, beside the same server idle. */
async function corpusMemory(notes: string[]): Promise<Row[]> {
  buildCompiled();
  console.log('corpus: every file of the corpus through one server...');
  const { result: m, othersShare } = await quietly(() => measureCorpusMemory());
  notes.push(
    `corpus: ${m.files} files of ${m.corpus} (broken ones included) processed in ` +
      `${m.seconds.toFixed(0)} s; the largest external tool reached ${m.toolPeakMiB.toFixed(0)} MiB; ` +
      others(othersShare),
  );
  notes.push(
    `corpus: RSS from the last job on, every 10 s: ${m.afterBurstTrail.map((r) => r.toFixed(0)).join(', ')} MiB`,
  );
  return [
    [
      'memory: peak RSS of one all-in-one server processing the whole corpus, MiB',
      m.peakMiB.toFixed(0),
      m.idleMiB.toFixed(0),
      `${(m.peakMiB / m.idleMiB).toFixed(1)}× the same server idle`,
    ],
    [
      'memory: idle RSS after burst, 60 s after last job (baseline: RSS at start), MiB',
      m.afterBurstMiB.toFixed(0),
      m.idleMiB.toFixed(0),
      `target ≤ 200 MiB: ${m.afterBurstMiB <= 200 ? 'met' : 'MISSED'}`,
    ],
  ];
}

async function timeline(notes: string[]): Promise<Row[]> {
  const dataDir = await ensureTimelineData();
  buildCompiled();
  const sides = {} as Record<`${'keepsake' | 'baseline'}-${Launcher}`, TimelineSide>;
  for (const launcher of ['tsx', 'node'] as const) {
    console.log(`timeline (${launcher}): Keepsake...`);
    const k = await quietly(() => measureKeepsakeTimeline(dataDir, launcher));
    console.log(`timeline (${launcher}): baseline...`);
    const b = await quietly(() =>
      measureStaticBaseline(k.result.workload, k.result.bodies, launcher),
    );
    sides[`keepsake-${launcher}`] = k.result.side;
    sides[`baseline-${launcher}`] = b.result;
    notes.push(
      `timeline (${launcher}): months ${k.result.months[0]} to ${k.result.months.at(-1)}; ` +
        `buckets p50/p95 ${ms(k.result.side.buckets.p50)}/${ms(k.result.side.buckets.p95)} ms, ` +
        `month page ${ms(k.result.side.page.p50)}/${ms(k.result.side.page.p95)} ms; ` +
        `RSS at start ${rss(k.result.side.rssAtStart)} (baseline ${rss(b.result.rssAtStart)}), ` +
        `after the requests ${rss(k.result.side.rss)} (baseline ${rss(b.result.rss)}); ` +
        `Keepsake ${others(k.othersShare)}, baseline ${others(b.othersShare)}`,
    );
  }
  const { buckets, page } = sides['keepsake-tsx'];
  notes.push(
    `timeline: ${buckets.requests} sequential requests per endpoint after a warm-up; the ` +
      `bucket list is ${kb(buckets.bytes)}, a month page (limit 1000) ${kb(page.bytes)}`,
  );
  return timelineRows(sides);
}

let busyRuns = 0;

/** Waits for a quiet machine, then measures; counts measurements disturbed by others. */
async function quietly<T>(work: () => Promise<T>) {
  await waitForQuiet();
  const measured = await measuringCpu(work);
  if (measured.othersShare > 0.05) busyRuns++;
  return measured;
}

const pct = (share: number) => `${(share * 100).toFixed(0)} %`;
const others = (share: number) => `other processes ${pct(share)}`;

function timelineRows(sides: Record<string, TimelineSide>): Row[] {
  const [k, b] = [sides['keepsake-tsx']!, sides['baseline-tsx']!];
  const times = (x: number, y: number) => `${(x / y).toFixed(1)}× baseline`;
  const latency = (name: string, key: 'buckets' | 'page'): Row[] => [
    [`${name} p50, ms`, ms(k[key].p50), ms(b[key].p50), times(k[key].p50, b[key].p50)],
    [
      `${name} p95, ms`,
      ms(k[key].p95),
      ms(b[key].p95),
      `${times(k[key].p95, b[key].p95)}; target < 20 ms: ${k[key].p95 < 20 ? 'met' : 'MISSED'}`,
    ],
  ];
  const memory = (launcher: Launcher, how: string): Row => {
    const km = sides[`keepsake-${launcher}`]!.rss.total;
    const bm = sides[`baseline-${launcher}`]!.rss.total;
    return [
      `memory: server RSS 5 s after the timeline requests, ${how}, MiB`,
      km.toFixed(1),
      bm.toFixed(1),
      `${times(km, bm)}; target ≤ 150 MiB: ${km <= 150 ? 'met' : 'MISSED'}`,
    ];
  };
  return [
    ...latency('timeline: GET /api/timeline/buckets, 1M assets,', 'buckets'),
    ...latency('timeline: GET one month, limit=1000, 1M assets,', 'page'),
    memory('tsx', 'node --import tsx'),
    memory('node', 'compiled (npm start)'),
  ];
}

function formatTable(rows: Row[]): string {
  const all: Row[] = [['figure', 'keepsake', 'baseline', 'ratio / target'], ...rows];
  const widths = [0, 1, 2, 3].map((c) => Math.max(...all.map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    `| ${r.map((cell, c) => (c === 1 || c === 2 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, c) => (c === 1 || c === 2 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(all[0]!), rule, ...rows.map(line)].join('\n');
}

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    date: new Date().toISOString().slice(0, 10),
    nproc: availableParallelism(),
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? 'unknown CPU',
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    node: process.versions.node,
    load: loadavg()[0]!.toFixed(2),
    // Figures belong to a version of the code; "+changes" when the working tree differs.
    commit:
      git(['rev-parse', '--short', 'HEAD']) +
      (git(['status', '--porcelain', '--', 'src']) ? '+changes' : ''),
  };
}

function git(args: string[]): string {
  const result = spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
}

const ms = (x: number) => x.toFixed(1);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const rss = (r: Rss) =>
  `${r.total.toFixed(0)} MiB (${r.anon.toFixed(0)} private + ${r.file.toFixed(0)} mapped files)`;

try {
  await main();
} finally {
  stopAll();
}
