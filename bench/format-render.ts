import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exiftoolPath } from 'exiftool-vendored';
import sharp from 'sharp';
import {
  PREVIEW_LONG_SIDE,
  THUMBNAIL_SHORT_SIDE,
} from '../src/adapters/media/sharp-image-renderer.js';
import { WorkerThreadImageRenderer } from '../src/adapters/media/worker-thread-image-renderer.js';

/*
 * One side of one format of `npm run bench -- --only=formats`, in a process of its own so that its
 * peak RSS is its own: tsx bench/format-render.ts <keepsake|baseline> <file> <decoder> <runs> <threads>
 * Prints {"ms": [...], "peakRssMiB": n} on its last line. The first render is a warm-up.
 */
export type Decoder = 'sharp' | 'heif-convert' | 'exiftool' | 'djxl';
export interface SideResult {
  ms: number[];
  /** VmHWM: the most this process ever held resident (external tools not included). */
  peakRssMiB: number;
  /** The original's displayed size, as Keepsake reports it (keepsake side only). */
  megapixels?: number;
}

const [side, file, decoder, runs, threads] = process.argv.slice(2) as [
  'keepsake' | 'baseline',
  string,
  Decoder,
  string,
  string,
];

async function main(): Promise<SideResult> {
  // The renderer the thumbnails job uses, on its worker thread (started by the first render).
  const keepsake = new WorkerThreadImageRenderer({ threads: Number(threads) });
  sharp.concurrency(Number(threads));
  let megapixels: number | undefined;
  const once =
    side === 'keepsake'
      ? () => keepsake.render(file).then((r) => void (megapixels = (r.width * r.height) / 1e6))
      : () => baselineRender(file, decoder);
  const ms: number[] = [];
  try {
    for (let run = 0; run <= Number(runs); run++) {
      const started = performance.now();
      await once();
      if (run > 0) ms.push(performance.now() - started);
    }
  } finally {
    await keepsake.close();
  }
  const status = readFileSync('/proc/self/status', 'utf8');
  const peakKb = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
  return { ms, peakRssMiB: peakKb / 1024, megapixels };
}

/**
 * What one would write without Keepsake: the format's usual decoder by hand where sharp has none,
 * then sharp making the same two sizes (preview JPEG, thumbnail WebP), each from the file.
 */
async function baselineRender(path: string, how: Decoder): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'keepsake-bench-'));
  try {
    const input = await decoded(path, how, dir);
    await Promise.all([
      sharp(input)
        .rotate()
        .resize(PREVIEW_LONG_SIDE, PREVIEW_LONG_SIDE, { fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 82, progressive: true })
        .toBuffer(),
      sharp(input)
        .rotate()
        .resize(THUMBNAIL_SHORT_SIDE, THUMBNAIL_SHORT_SIDE, {
          fit: 'outside',
          withoutEnlargement: true,
        })
        .webp({ quality: 78 })
        .toBuffer(),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function decoded(path: string, how: Decoder, dir: string): Promise<string | Buffer> {
  switch (how) {
    case 'sharp':
      return path;
    case 'heif-convert':
      execFileSync('heif-convert', ['--quiet', '-q', '95', path, join(dir, 'decoded.jpg')]);
      return join(dir, readdirSync(dir).sort()[0]!);
    case 'djxl':
      execFileSync('djxl', [path, join(dir, 'decoded.jpg')], { stdio: 'ignore' });
      return join(dir, 'decoded.jpg');
    case 'exiftool':
      return execFileSync(await exiftoolPath(), ['-b', '-JpgFromRaw', path], {
        maxBuffer: 1 << 28,
      });
  }
}

console.log(JSON.stringify(await main()));
