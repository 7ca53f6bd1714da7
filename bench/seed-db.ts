import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { ROOT, setupUser, startKeepsake, WORK } from './lib.js';

export const ASSETS = 1_000_000;
const FIRST_YEAR = 2006;
const YEARS = 20;
// Bump when the generated rows change; the schema files are hashed in as well.
const SEED = 'v1';
const SCHEMA_FILES = [
  ...readdirSync(join(ROOT, 'src/adapters/db/migrations')).map(
    (f) => `src/adapters/db/migrations/${f}`,
  ),
  'src/adapters/db/migrator.ts',
  'src/adapters/db/dialects/sqlite.ts', // the timeline_buckets triggers
];

/**
 * A data folder whose database holds ASSETS ready photos of one user, over YEARS years of
 * months. Built once (about a minute) and kept in bench/.work/ under a hash of the schema, so a
 * migration change rebuilds it. The schema comes from Keepsake itself (a first start runs the
 * migrations and creates the user); the rows go in directly, since a million uploads would
 * take days. The triggers fill timeline_buckets as they would for uploads.
 */
export async function ensureTimelineData(
  count = ASSETS,
  thumbnails: ThumbnailKeys = 'per-asset',
): Promise<string> {
  const hash = createHash('sha256').update(SEED).update(thumbnails);
  for (const file of SCHEMA_FILES) hash.update(file).update(readFileSync(join(ROOT, file)));
  const prefix = `timeline-${count}-`;
  const name = `${prefix}${hash.digest('hex').slice(0, 12)}`;
  const dataDir = join(WORK, name);
  if (existsSync(join(dataDir, '.complete'))) return dataDir;

  // Older caches of this size (a gigabyte for a million) will not be used again.
  for (const old of existsSync(WORK) ? readdirSync(WORK) : [])
    if (old.startsWith(prefix)) await rm(join(WORK, old), { recursive: true, force: true });

  console.log(
    `Building a database of ${count.toLocaleString('en')} assets in ${dataDir} (once)...`,
  );
  const started = performance.now();
  const server = await startKeepsake('timeline-setup', dataDir);
  let ownerId: string;
  try {
    ownerId = (await setupUser(server.url)).id;
  } finally {
    await server.stop();
  }
  insertAssets(join(dataDir, 'keepsake.db'), ownerId, count, thumbnails);
  if (thumbnails === 'shared') await writeSharedThumbnails(join(dataDir, 'blobs'));
  await writeFile(join(dataDir, '.complete'), `${count} assets of ${ownerId}\n`);
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return dataDir;
}

const COLUMNS = [
  'id',
  'owner_id',
  'type',
  'original_file_name',
  'mime_type',
  'file_size',
  'checksum',
  'original_key',
  'device_id',
  'device_asset_id',
  'uploaded_at',
  'taken_local',
  'taken_offset_minutes',
  'taken_source',
  'month',
  'width',
  'height',
  'latitude',
  'longitude',
  'make',
  'model',
  'f_number',
  'exposure_time',
  'iso',
  'focal_length',
  'duration_ms',
  'thumbhash',
  'thumbnail_key',
  'preview_key',
  'renditions_version',
  'is_favorite',
  'status',
  'updated_at',
] as const;

const CAMERAS = [
  ['Apple', 'iPhone 13 Pro'],
  ['Google', 'Pixel 8 Pro'],
  ['samsung', 'SM-S711B'],
  ['Canon', 'Canon EOS RP'],
  ['SONY', 'ILCE-6400'],
] as const;
const OFFSETS = [null, 0, 60, 120, -300, -420, 330, 540];

/**
 * `per-asset`: each asset names its own rendition files, which do not exist (the API benchmarks
 * never fetch them). `shared`: every asset names one of SHARED_THUMBNAILS real files, so a
 * browser showing the library gets real images without a hundred thousand files on disk.
 */
export type ThumbnailKeys = 'per-asset' | 'shared';
const SHARED_THUMBNAILS = 24;
const sharedKey = (i: number, size: 'thumbnail' | 'preview') =>
  `renditions/bench/${size}-${i % SHARED_THUMBNAILS}.${size === 'thumbnail' ? 'webp' : 'jpeg'}`;

/** Plain colour fields with a gradient, as small as real thumbnails of skies and walls. */
async function writeSharedThumbnails(blobs: string): Promise<void> {
  const { default: sharp } = await import('sharp');
  await mkdir(join(blobs, 'renditions', 'bench'), { recursive: true });
  for (let i = 0; i < SHARED_THUMBNAILS; i++) {
    const hue = (i * 360) / SHARED_THUMBNAILS;
    const svg = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="333" height="250"><defs><linearGradient id="g">` +
        `<stop offset="0" stop-color="hsl(${hue},60%,45%)"/><stop offset="1" stop-color="hsl(${hue + 40},70%,70%)"/>` +
        `</linearGradient></defs><rect width="333" height="250" fill="url(#g)"/></svg>`,
    );
    await sharp(svg)
      .webp({ quality: 70 })
      .toFile(join(blobs, sharedKey(i, 'thumbnail')));
    await sharp(svg)
      .resize(1440)
      .jpeg({ quality: 80 })
      .toFile(join(blobs, sharedKey(i, 'preview')));
  }
}

function insertAssets(
  file: string,
  ownerId: string,
  count: number,
  thumbnails: ThumbnailKeys,
): void {
  const db = new BetterSqlite3(file);
  try {
    // Build speed only: nothing to protect in a database that is made again on failure.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -1048576'); // 1 GiB: the indexes stay in memory while filling
    const insert = db.prepare(
      `INSERT INTO assets (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
    );
    db.transaction(() => {
      for (const row of benchAssetRows(ownerId, count, thumbnails)) insert.run(...row);
    })();
    db.pragma('journal_mode = WAL'); // as Keepsake keeps it
  } finally {
    db.close();
  }
}

export const ASSET_COLUMNS = COLUMNS;

/**
 * `count` ready assets of one owner, values in ASSET_COLUMNS order, spread over YEARS years; the
 * same rows on every machine (seeded), shaped like a phone's library (4 % videos, 60 % with GPS).
 */
export function* benchAssetRows(
  ownerId: string,
  count: number,
  thumbnails: ThumbnailKeys = 'per-asset',
): Generator<unknown[]> {
  const random = mulberry32(42);
  const span = Date.UTC(FIRST_YEAR + YEARS, 0, 1) - Date.UTC(FIRST_YEAR, 0, 1);
  const randomBytes = (n: number) =>
    Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
  const uuid = () => {
    const b = randomBytes(16);
    b[6] = (b[6]! & 0x0f) | 0x40; // version 4, like crypto.randomUUID()
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
  for (let i = 0; i < count; i++) {
    const taken = Date.UTC(FIRST_YEAR, 0, 1) + Math.floor(random() * span);
    const local = new Date(taken).toISOString().slice(0, 23); // wall-clock time, no zone
    const uploaded = new Date(taken + Math.floor(random() * 30 * 86_400_000)).toISOString();
    const isVideo = random() < 0.04;
    const portrait = random() < 0.3;
    const id = uuid();
    const checksum = createHash('sha256').update(`keepsake-bench-${i}`).digest('hex');
    const [make, model] = CAMERAS[Math.floor(random() * CAMERAS.length)]!;
    const located = random() < 0.6;
    yield [
      id,
      ownerId,
      isVideo ? 'video' : 'image',
      isVideo ? `VID_${i}.MP4` : `IMG_${i}.JPG`,
      isVideo ? 'video/mp4' : 'image/jpeg',
      2_000_000 + Math.floor(random() * 4_000_000),
      checksum,
      `originals/${checksum.slice(0, 2)}/${checksum.slice(2, 4)}/${checksum}`,
      'bench-phone',
      String(i),
      uploaded,
      local,
      OFFSETS[Math.floor(random() * OFFSETS.length)],
      'SubSecDateTimeOriginal',
      local.slice(0, 7),
      portrait ? 3000 : 4000,
      portrait ? 4000 : 3000,
      located ? random() * 140 - 70 : null,
      located ? random() * 360 - 180 : null,
      make,
      model,
      1.8,
      1 / 120,
      100,
      6.9,
      isVideo ? Math.floor(random() * 60_000) : null,
      // Videos have no renditions until ffmpeg support arrives (see the thumbnails step).
      isVideo ? null : randomBytes(21).toString('base64'),
      isVideo
        ? null
        : thumbnails === 'shared'
          ? sharedKey(i, 'thumbnail')
          : `renditions/${id.slice(0, 2)}/${id}/thumbnail.webp`,
      isVideo
        ? null
        : thumbnails === 'shared'
          ? sharedKey(i, 'preview')
          : `renditions/${id.slice(0, 2)}/${id}/preview.jpeg`,
      isVideo ? null : randomBytes(12).toString('base64url'),
      random() < 0.02 ? 1 : 0,
      'ready',
      uploaded,
    ];
  }
}

/** A small seeded generator: the same rows on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
