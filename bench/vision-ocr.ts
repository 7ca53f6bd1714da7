import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { renderRenditions } from '../src/adapters/media/sharp-image-renderer.js';
import { taskModuleUrl, WorkerPool } from '../src/adapters/runtime/worker-pool.js';
import { TesseractTextReader } from '../src/adapters/vision/tesseract-text-reader.js';
import type { TextTaskOutput } from '../src/adapters/vision/tesseract-text-task.js';
import { ROOT } from './lib.js';

/*
 * OCR: character error rate on ../shared/vision-corpus/ocr against each <name>.expected.txt, for
 * Keepsake's reader (the product's adapter on the worker pool) fed the preview rendition, as the
 * ocr step is, and fed the original for comparison, beside Debian's `tesseract` command (the same
 * engine, its own eng data) on the originals. Then what the reader keeps from photos without
 * text (the faces and objects corpus): words there are noise. See: [Note: Words worth keeping].
 *
 * Run alone: npx tsx bench/vision-ocr.ts
 */
const CORPUS = join(ROOT, '..', 'shared', 'vision-corpus');
const OCR = join(CORPUS, 'ocr');
const run = promisify(execFile);

type Row = [figure: string, keepsake: string, baseline: string, verdict: string];

/** Whitespace runs become one space: layout is not what is measured. */
const normalised = (text: string) => text.replace(/\s+/g, ' ').trim();

export function levenshtein(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[y.length]!;
}

export function characterErrorRate(read: string, expected: string): number {
  const truth = normalised(expected);
  return levenshtein(normalised(read), truth) / Math.max(1, [...truth].length);
}

async function tesseractCli(): Promise<string | undefined> {
  try {
    const { stdout, stderr } = await run('tesseract', ['--version']);
    return `${stdout}${stderr}`.split('\n')[0]!.trim();
  } catch {
    return undefined;
  }
}

interface Measured {
  cer: number;
  ms: number;
}

async function timed(read: () => Promise<string>, expected: string): Promise<Measured> {
  const started = performance.now();
  const text = await read();
  return { ms: performance.now() - started, cer: characterErrorRate(text, expected) };
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;

export async function measureOcr(notes: string[]): Promise<Row[]> {
  if (!existsSync(OCR)) {
    notes.push(`OCR: skipped, ${OCR} is missing`);
    return [];
  }
  const cli = await tesseractCli();
  if (!cli)
    notes.push(
      'OCR: Debian `tesseract` is not installed (apt-get install -y tesseract-ocr tesseract-ocr-eng): no baseline',
    );
  const pool = new WorkerPool({ threads: 1, idleMs: 0 });
  const reader = new TesseractTextReader(pool);
  try {
    const images = readdirSync(OCR)
      .filter((f) => /\.(png|jpe?g)$/i.test(f))
      .sort();
    const firstImage = await readFile(join(OCR, images[0]!));
    const warm = performance.now();
    await reader.readText(firstImage); // starts the thread and loads the language data
    notes.push(
      `OCR: the reader's first call (thread, tesseract.js, eng data) took ${(performance.now() - warm).toFixed(0)} ms`,
    );

    console.log('\nOCR, character error rate (time per image)');
    console.log('image | preview size | Keepsake (preview) | Keepsake (original) | tesseract CLI');
    const sides: Record<'preview' | 'original' | 'cli', Measured[]> = {
      preview: [],
      original: [],
      cli: [],
    };
    for (const name of images) {
      const path = join(OCR, name);
      const expected = await readFile(path.replace(/\.[^.]+$/, '.expected.txt'), 'utf8');
      const original = await readFile(path);
      // The preview exactly as the thumbnails step makes it.
      const preview = (await renderRenditions(sharp(original))).preview;
      const fromPreview = await timed(
        async () => (await reader.readText(preview.data)).text,
        expected,
      );
      const fromOriginal = await timed(
        async () => (await reader.readText(original)).text,
        expected,
      );
      const byCli = cli
        ? await timed(async () => (await run('tesseract', [path, 'stdout'])).stdout, expected)
        : undefined;
      sides.preview.push(fromPreview);
      sides.original.push(fromOriginal);
      if (byCli) sides.cli.push(byCli);
      const cell = (m: Measured | undefined) =>
        m ? `${pct(m.cer)} (${m.ms.toFixed(0)} ms)` : 'n/a';
      console.log(
        `${name} | ${preview.width}x${preview.height} | ${cell(fromPreview)} | ${cell(fromOriginal)} | ${cell(byCli)}`,
      );
    }
    const cer = (side: Measured[]) => mean(side.map((m) => m.cer));
    const ms = (side: Measured[]) => mean(side.map((m) => m.ms));
    const keepsakeCer = cer(sides.preview);
    const cliCer = cli ? cer(sides.cli) : undefined;
    const rows: Row[] = [
      [
        `OCR: mean character error rate, ${images.length} images (Keepsake from the preview)`,
        pct(keepsakeCer),
        cliCer === undefined ? 'no tesseract CLI' : `${pct(cliCer)} (${cli})`,
        cliCer === undefined ? '-' : keepsakeCer <= cliCer + 0.005 ? 'not worse: ok' : 'WORSE',
      ],
      [
        'OCR: mean character error rate, Keepsake from the original',
        pct(cer(sides.original)),
        cliCer === undefined ? '-' : pct(cliCer),
        'for comparison',
      ],
      [
        'OCR: mean time per image (preview; original)',
        `${ms(sides.preview).toFixed(0)} ms; ${ms(sides.original).toFixed(0)} ms`,
        cli ? `${ms(sides.cli).toFixed(0)} ms (a process each, data loaded each time)` : '-',
        '-',
      ],
    ];
    rows.push(await measureNoise(pool, reader));
    return rows;
  } finally {
    await pool.close();
  }
}

/** Photos without text: what Tesseract reads there, and what the reader keeps of it. */
async function measureNoise(pool: WorkerPool, reader: TesseractTextReader): Promise<Row> {
  const task = taskModuleUrl(
    new URL('../src/adapters/vision/tesseract-text-reader.ts', import.meta.url).href,
    'tesseract-text-task',
  );
  const photos = ['faces', 'objects']
    .filter((folder) => existsSync(join(CORPUS, folder)))
    .flatMap((folder) =>
      readdirSync(join(CORPUS, folder))
        .filter((f) => /\.(jpe?g|png)$/i.test(f))
        .map((f) => join(CORPUS, folder, f)),
    );
  let raw = 0;
  let kept = 0;
  let withText = 0;
  let ms = 0;
  for (const path of photos) {
    const preview = (await renderRenditions(sharp(path))).preview.data;
    const output = await pool.run<TextTaskOutput>(task, { image: preview });
    raw += output.paragraphs.flat(2).length;
    const started = performance.now();
    const read = await reader.readText(preview);
    ms += performance.now() - started;
    kept += read.words.length;
    if (read.words.length > 0) {
      withText++;
      console.log(`  text kept on ${path.slice(CORPUS.length + 1)}: ${JSON.stringify(read.text)}`);
    }
  }
  return [
    `OCR: photos without text (${photos.length} faces/objects photos): words kept (of read), photos with any`,
    `${kept} of ${raw}; ${withText} photos; ${(ms / Math.max(1, photos.length)).toFixed(0)} ms each`,
    `${raw} words unfiltered`,
    '-',
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const notes: string[] = [];
  const rows = await measureOcr(notes);
  for (const row of rows) console.log(row.join(' | '));
  for (const note of notes) console.log(`- ${note}`);
}
