import sharp from 'sharp';
import type { ImageFingerprint } from '../../core/duplicates/perceptual-hasher.js';

/*
 * Pool side of SharpPerceptualHasher: one decode of the preview to a 384×384 RGB square (its
 * aspect ignored, so copies of any size land on the same grid), and from it, in plain arithmetic:
 * - the perceptual hash: the grey square averaged down to 32×32 (12×12 blocks), its 2-D DCT, and
 *   one bit per low-frequency coefficient (the top-left 8×8): above the median of the 63 AC ones;
 * - the colour grid: 48×48 blocks averaged to 8×8 RGB;
 * - the sharpness: the variance of the grey square's 4-neighbour Laplacian.
 * See: [Note: Near-duplicates].
 */
export const SQUARE = 384;
const HASH_SIDE = 32;
const GRID = 8;

export interface FingerprintTaskInput {
  image: Uint8Array;
}

export async function run(input: FingerprintTaskInput): Promise<ImageFingerprint> {
  return fingerprintOf(input.image);
}

/** The same, called directly (the benchmark). */
export async function fingerprintOf(image: Uint8Array): Promise<ImageFingerprint> {
  let rgb: Buffer;
  try {
    rgb = await sharp(image, { failOn: 'none' })
      .removeAlpha()
      .toColourspace('srgb')
      .resize(SQUARE, SQUARE, { fit: 'fill' })
      .raw()
      .toBuffer();
  } catch (error) {
    const unreadable = new Error(`The preview cannot be read: ${(error as Error).message}`);
    unreadable.name = 'UndecodableImageError';
    throw unreadable;
  }
  const grey = new Float64Array(SQUARE * SQUARE);
  for (let i = 0; i < grey.length; i++)
    grey[i] = 0.299 * rgb[3 * i]! + 0.587 * rgb[3 * i + 1]! + 0.114 * rgb[3 * i + 2]!;
  return { hash: dctHash(grey), layout: colourGrid(rgb), sharpness: laplacianVariance(grey) };
}

function dctHash(grey: Float64Array): string {
  const block = SQUARE / HASH_SIDE;
  const small = new Float64Array(HASH_SIDE * HASH_SIDE);
  for (let y = 0; y < SQUARE; y++)
    for (let x = 0; x < SQUARE; x++)
      small[Math.floor(y / block) * HASH_SIDE + Math.floor(x / block)]! += grey[y * SQUARE + x]!;
  const coefficients: number[] = [];
  for (let u = 0; u < 8; u++)
    for (let v = 0; v < 8; v++) {
      let sum = 0;
      for (let y = 0; y < HASH_SIDE; y++)
        for (let x = 0; x < HASH_SIDE; x++)
          sum += small[y * HASH_SIDE + x]! * COSINES[u]![y]! * COSINES[v]![x]!;
      coefficients.push(sum);
    }
  const median = [...coefficients.slice(1)].sort((a, b) => a - b)[31]!;
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let value = 0;
    for (let bit = 0; bit < 4; bit++)
      value = (value << 1) | (coefficients[nibble * 4 + bit]! > median ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}

const COSINES = Array.from({ length: 8 }, (_, u) =>
  Array.from({ length: HASH_SIDE }, (_, x) =>
    Math.cos(((2 * x + 1) * u * Math.PI) / (2 * HASH_SIDE)),
  ),
);

function colourGrid(rgb: Buffer): string {
  const block = SQUARE / GRID;
  const sums = new Float64Array(GRID * GRID * 3);
  for (let y = 0; y < SQUARE; y++)
    for (let x = 0; x < SQUARE; x++) {
      const cell = (Math.floor(y / block) * GRID + Math.floor(x / block)) * 3;
      const pixel = (y * SQUARE + x) * 3;
      for (let c = 0; c < 3; c++) sums[cell + c]! += rgb[pixel + c]!;
    }
  return Buffer.from(sums.map((s) => Math.round(s / (block * block)))).toString('base64');
}

function laplacianVariance(grey: Float64Array): number {
  let sum = 0;
  let squares = 0;
  let n = 0;
  for (let y = 1; y < SQUARE - 1; y++)
    for (let x = 1; x < SQUARE - 1; x++) {
      const i = y * SQUARE + x;
      const v = 4 * grey[i]! - grey[i - 1]! - grey[i + 1]! - grey[i - SQUARE]! - grey[i + SQUARE]!;
      sum += v;
      squares += v * v;
      n++;
    }
  const mean = sum / n;
  return Math.round((squares / n - mean * mean) * 100) / 100;
}
