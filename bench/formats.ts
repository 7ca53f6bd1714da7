import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { existsSync, mkdirSync } from 'node:fs';
import sharp from 'sharp';
import { imageThreadsFor, loadConfig } from '../src/config.js';
import type { Decoder, SideResult } from './format-render.js';
import { median, ROOT, WORK } from './lib.js';

/*
 * Still formats: for one file per format, Keepsake's renderer (the thumbnails job's own code, on
 * its worker thread) beside the least one could do: the format's decoder by hand where sharp has
 * none (heif-convert, djxl, ExifTool's embedded JPEG), then sharp making the same preview and
 * thumbnail. Each side runs in its own process, one image at a time, so its peak RSS is its own.
 */
const CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
// The corpus's PNGs are 32 x 32 test patterns: the PNG is the corpus's camera TIFF, re-encoded.
const PNG = join(WORK, 'formats', 'P3110005.png');
const FILES: { format: string; file: string; decoder: Decoder }[] = [
  { format: 'JPEG', file: 'jpeg-exif/pixel_8.jpg', decoder: 'sharp' },
  { format: 'HEIC', file: 'heic/IMG_8565.HEIC', decoder: 'heif-convert' },
  { format: 'RAW (Canon CRW)', file: 'raw/CRW_0305.CRW', decoder: 'exiftool' },
  { format: 'PNG', file: PNG, decoder: 'sharp' },
  { format: 'WebP', file: 'png-webp-gif-tiff/HTC Desire.webp', decoder: 'sharp' },
  {
    format: 'AVIF (10-bit PQ HDR)',
    file: 'png-webp-gif-tiff/10bit-HDR-P3-nclx.avif',
    decoder: 'sharp',
  },
  { format: 'GIF', file: 'png-webp-gif-tiff/MVC-006T.GIF', decoder: 'sharp' },
  { format: 'TIFF', file: 'png-webp-gif-tiff/P3110005.TIF', decoder: 'sharp' },
  { format: 'JPEG XL', file: 'png-webp-gif-tiff/8bit-sRGB.jxl', decoder: 'djxl' },
];
const RUNS = 5;

type Row = [figure: string, keepsake: string, baseline: string, verdict: string];
type Quietly = <T>(work: () => Promise<T>) => Promise<{ result: T; othersShare: number }>;

export async function measureFormats(notes: string[], quietly: Quietly): Promise<Row[]> {
  const threads = imageThreadsFor(loadConfig({}), availableParallelism());
  const rows: Row[] = [];
  if (!existsSync(PNG)) {
    mkdirSync(join(WORK, 'formats'), { recursive: true });
    await sharp(join(CORPUS, 'png-webp-gif-tiff/P3110005.TIF')).png().toFile(PNG);
  }
  for (const { format, file, decoder } of FILES) {
    const path = resolve(CORPUS, file); // `file` itself when absolute
    console.log(`formats: ${format} (${file}): baseline...`);
    const b = await quietly(() => side('baseline', path, decoder, threads));
    console.log(`  ${median(b.result.ms).toFixed(0)} ms; Keepsake...`);
    const k = await quietly(() => side('keepsake', path, decoder, threads));
    console.log(`  ${median(k.result.ms).toFixed(0)} ms`);
    const [km, bm] = [median(k.result.ms), median(b.result.ms)];
    rows.push([
      `formats: ms per image, ${format}, ${k.result.megapixels?.toFixed(1)} MP`,
      km.toFixed(0),
      bm.toFixed(0),
      `${(km / bm).toFixed(2)}× baseline; peak RSS ${k.result.peakRssMiB.toFixed(0)} vs ` +
        `${b.result.peakRssMiB.toFixed(0)} MiB`,
    ]);
    notes.push(
      `formats, ${format}: ${basename(file)}; Keepsake ${list(k.result.ms)} ms, baseline ` +
        `${list(b.result.ms)} ms; other processes ${pct(k.othersShare)} / ${pct(b.othersShare)}`,
    );
  }
  notes.push(
    `formats: median of ${RUNS} renders after a warm-up, one at a time, ${threads} libvips ` +
      `thread(s) per image on both sides; peak RSS is each process's VmHWM (Keepsake: main ` +
      `thread + render worker thread), not the external decoders'; the HDR AVIF's baseline ` +
      `does no tone mapping, and the JPEG XL baseline skips jxlinfo`,
  );
  return rows;
}

async function side(
  which: 'keepsake' | 'baseline',
  path: string,
  decoder: Decoder,
  threads: number,
): Promise<SideResult> {
  const args = ['--import', 'tsx', join(ROOT, 'bench', 'format-render.ts')];
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...args, which, path, decoder, String(RUNS), String(threads)],
    { cwd: ROOT, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as SideResult;
}

const list = (values: number[]) => values.map((v) => v.toFixed(0)).join('/');
const pct = (share: number) => `${(share * 100).toFixed(0)} %`;
