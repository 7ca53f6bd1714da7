import { isHevcHeif, readPrimaryNclx } from './heif-container.js';

/*
 * [Note: HDR stills in SDR renditions]
 * An HDR AVIF (iPhone exports, Lightroom, Android Ultra HDR converted) signals its curve in the
 * 'nclx' colour box, not in an ICC profile: PQ (SMPTE ST 2084, transfer 16) or HLG (transfer 18),
 * mostly with Display P3 or BT.2020 primaries. libvips reads such a file as plain 16-bit RGB and
 * knows neither the curve nor the primaries, so its sRGB rendition is flat and grey (PQ puts
 * diffuse white at ~58 % of the signal) and its colours are unconverted.
 *
 * Keepsake decodes at 16 bits, shrunk to the preview size, and maps each pixel in JS (~50 ms for
 * a 1440 px preview): the transfer's EOTF to light, scaled so that HDR reference white (203 nits,
 * ITU-R BT.2408) is SDR white; the primaries' matrix to BT.709 in linear light; a roll-off that
 * leaves everything below 75 % of white alone and bends brighter light smoothly towards white (on
 * the largest channel, so that hues are kept and nothing clips to a flat patch); then the sRGB
 * curve. Not ffmpeg's zscale+tonemap: ffmpeg would tone-map all 20 MP of the corpus's AVIF and
 * hand over a full-size 16-bit intermediate (80 MB as PNG), where this maps the 1.4 MP preview
 * that libvips has already shrunk, in the same thread, with no tool to be missing.
 */

export type HdrTransfer = 'pq' | 'hlg';

export interface HdrSignal {
  transfer: HdrTransfer;
  /** Linear RGB in the file's primaries to linear BT.709/sRGB, row-major. */
  toBt709: readonly number[];
}

const PQ = 16;
const HLG = 18;
const REFERENCE_WHITE_NITS = 203;
/** Below this share of SDR white the mapping is the identity. */
const KNEE = 0.75;

// H.273 colour primaries to BT.709, computed from the primaries' chromaticities (D65 white).
const IDENTITY = [1, 0, 0, 0, 1, 0, 0, 0, 1];
const PRIMARIES_TO_BT709: Record<number, readonly number[]> = {
  1: IDENTITY,
  9: [1.6605, -0.5876, -0.0728, -0.1246, 1.1329, -0.0083, -0.0182, -0.1006, 1.1187], // BT.2020
  12: [1.2249, -0.2247, 0, -0.042, 1.0419, 0, -0.0197, -0.0786, 1.0979], // Display P3
};

/**
 * The HDR signal of an AV1-coded HEIF (AVIF) whose first bytes are `head`, or undefined for any
 * other file or an SDR one. HEVC-coded HEIF goes through heif-convert instead (heic-decoder.ts).
 */
export async function readHdrSignal(path: string, head: Buffer): Promise<HdrSignal | undefined> {
  if (head.toString('latin1', 4, 8) !== 'ftyp' || isHevcHeif(head)) return undefined;
  const nclx = await readPrimaryNclx(path);
  if (!nclx || (nclx.transfer !== PQ && nclx.transfer !== HLG)) return undefined;
  return {
    transfer: nclx.transfer === PQ ? 'pq' : 'hlg',
    toBt709: PRIMARIES_TO_BT709[nclx.primaries] ?? IDENTITY,
  };
}

/** 16-bit RGB in the HDR signal to 8-bit sRGB, three channels a pixel. */
export function toneMapToSrgb(pixels: Uint16Array, signal: HdrSignal): Buffer {
  const toLight = signal.transfer === 'pq' ? pqLight() : hlgLight();
  const m = signal.toBt709;
  const out = Buffer.alloc(pixels.length);
  for (let i = 0; i < pixels.length; i += 3) {
    const r = toLight[pixels[i]!]!;
    const g = toLight[pixels[i + 1]!]!;
    const b = toLight[pixels[i + 2]!]!;
    let r709 = Math.max(0, m[0]! * r + m[1]! * g + m[2]! * b);
    let g709 = Math.max(0, m[3]! * r + m[4]! * g + m[5]! * b);
    let b709 = Math.max(0, m[6]! * r + m[7]! * g + m[8]! * b);
    const peak = Math.max(r709, g709, b709);
    if (peak > KNEE) {
      const scale = rollOff(peak) / peak;
      r709 *= scale;
      g709 *= scale;
      b709 *= scale;
    }
    out[i] = encodeSrgb(r709);
    out[i + 1] = encodeSrgb(g709);
    out[i + 2] = encodeSrgb(b709);
  }
  return out;
}

/** Identity up to the knee, then an exponential approach to 1 with a continuous slope. */
const rollOff = (light: number) => KNEE + (1 - KNEE) * (1 - Math.exp(-(light - KNEE) / (1 - KNEE)));

let pqTable: Float32Array | undefined;
let hlgTable: Float32Array | undefined;

/** SMPTE ST 2084 EOTF for every 16-bit code, in units of reference white. */
function pqLight(): Float32Array {
  if (pqTable) return pqTable;
  const [m1, m2, c1, c2, c3] = [1305 / 8192, 2523 / 32, 107 / 128, 2413 / 128, 2392 / 128];
  pqTable = new Float32Array(65536);
  for (let code = 0; code < 65536; code++) {
    const e = Math.pow(code / 65535, 1 / m2);
    const nits = 10000 * Math.pow(Math.max(e - c1, 0) / (c2 - c3 * e), 1 / m1);
    pqTable[code] = nits / REFERENCE_WHITE_NITS;
  }
  return pqTable;
}

/**
 * BT.2100 HLG inverse OETF, then the OOTF of a 1000-nit display (system gamma 1.2, applied per
 * channel: close enough for a preview), in units of reference white.
 */
function hlgLight(): Float32Array {
  if (hlgTable) return hlgTable;
  const [a, b, c] = [0.17883277, 0.28466892, 0.55991073];
  hlgTable = new Float32Array(65536);
  for (let code = 0; code < 65536; code++) {
    const signal = code / 65535;
    const scene = signal <= 0.5 ? (signal * signal) / 3 : (Math.exp((signal - c) / a) + b) / 12;
    hlgTable[code] = (1000 * Math.pow(scene, 1.2)) / REFERENCE_WHITE_NITS;
  }
  return hlgTable;
}

const SRGB_STEPS = 16384;
const srgbTable = Uint8Array.from({ length: SRGB_STEPS + 1 }, (_, step) => {
  const v = step / SRGB_STEPS;
  return Math.round(255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * Math.pow(v, 1 / 2.4) - 0.055));
});

const encodeSrgb = (light: number) =>
  srgbTable[Math.min(SRGB_STEPS, Math.round(light * SRGB_STEPS))]!;
