import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { pool, ROOT, WORK } from './lib.js';

export const WIDTH = 4000;
export const HEIGHT = 3000;
const DIR = join(WORK, 'ingest-jpegs');
const MARKER = join(DIR, '.complete');
// Bump when the recipe below changes, so cached files are made again.
const RECIPE = 'v1 4000x3000 q90 grain-36 exif';

const SOURCE_DIRS = [
  join(ROOT, '..', 'shared', 'corpus', 'jpeg-exif'),
  join(ROOT, 'test', 'fixtures', 'corpus', 'jpeg-exif'),
];

/**
 * `count` distinct 12-megapixel JPEGs, made once and reused. Each starts from a real camera
 * photo (keeping its EXIF, so the metadata step reads what it would read from a camera), is
 * scaled and cropped to 4000x3000, and gets a grain layer of its own: the grain makes every
 * file's bytes differ (no upload is a duplicate) and gives the JPEG the entropy of a real
 * sensor image, so files are camera-sized (~3-5 MB) rather than an upscale's ~1 MB.
 */
export async function ensureIngestJpegs(count: number): Promise<string[]> {
  const files = Array.from({ length: count }, (_, i) => join(DIR, `${pad(i)}.jpg`));
  if (existsSync(MARKER) && readFileSync(MARKER, 'utf8') === `${RECIPE} x${count}`) return files;

  await rm(DIR, { recursive: true, force: true });
  await mkdir(DIR, { recursive: true });
  const sources = await cameraPhotos();
  console.log(
    `Making ${count} ${WIDTH}x${HEIGHT} JPEGs in ${DIR} from ` +
      (sources.length ? `${sources.length} camera photos` : 'synthetic gradients') +
      ' (once; later runs reuse them)...',
  );
  const started = performance.now();
  await pool(files, availableParallelism(), async (file, i) => {
    const source = sources.length ? sharp(sources[i % sources.length]!) : syntheticPhoto(i);
    const grain = randomBytes(1000 * 750 * 4);
    for (let a = 3; a < grain.length; a += 4) grain[a] = 36; // ~14 % opacity
    await source
      .resize(WIDTH, HEIGHT, { fit: 'cover' })
      .composite([{ input: grain, raw: { width: 1000, height: 750, channels: 4 }, tile: true }])
      .withMetadata()
      .jpeg({ quality: 90 })
      .toFile(`${file}.tmp`);
    await rename(`${file}.tmp`, file); // a file that exists is whole
  });
  await writeFile(MARKER, `${RECIPE} x${count}`);
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return files;
}

/** Camera JPEGs with EXIF that decode cleanly; the first source folder that has any. */
async function cameraPhotos(): Promise<string[]> {
  for (const dir of SOURCE_DIRS) {
    if (!existsSync(dir)) continue;
    const usable: string[] = [];
    for (const name of readdirSync(dir).sort()) {
      if (!/\.jpe?g$/i.test(name)) continue;
      const path = join(dir, name);
      const ok = await sharp(path, { failOn: 'error' })
        .metadata()
        .then(async (m) => {
          if (m.format !== 'jpeg' || !m.exif) return false;
          await sharp(path, { failOn: 'error' }).resize(64).toBuffer(); // decodes whole
          return true;
        })
        .catch(() => false);
      if (ok) usable.push(path);
    }
    if (usable.length > 0) return usable;
  }
  return [];
}

/** Without a corpus: a smooth two-colour gradient, with enough EXIF to look like a camera's. */
function syntheticPhoto(i: number): Sharp {
  const w = 400;
  const h = 300;
  const pixels = Buffer.alloc(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = (y * w + x) * 3;
      pixels[o] = (x * 255) / w;
      pixels[o + 1] = (y * 255) / h;
      pixels[o + 2] = (i * 37) % 256;
    }
  }
  const month = String((i % 12) + 1).padStart(2, '0');
  return sharp(pixels, { raw: { width: w, height: h, channels: 3 } }).withExif({
    IFD0: { Make: 'Keepsake', Model: 'Synthetic' },
    IFD2: { DateTimeOriginal: `2020:${month}:15 12:00:00` }, // IFD2: the Exif sub-IFD
  });
}

const pad = (i: number) => String(i).padStart(3, '0');
