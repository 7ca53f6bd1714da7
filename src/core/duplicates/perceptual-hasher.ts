/**
 * What the duplicates step keeps of a picture: enough to tell a copy of it (resized, recompressed,
 * re-saved, slightly cropped) from another photo, and to say which copy is the better one.
 * See: [Note: Near-duplicates] in near-duplicates.ts.
 */
export interface ImageFingerprint {
  /** 64-bit perceptual hash (DCT of a 32×32 grey copy), 16 hex digits. */
  hash: string;
  /** The picture's colours as an 8×8 RGB grid (192 bytes), base64: tells same-shaped pictures apart. */
  layout: string;
  /** Variance of the Laplacian of a fixed-size grey copy: higher is sharper. */
  sharpness: number;
}

/**
 * Fingerprints one picture (the asset's preview: JPEG or WebP bytes, already upright).
 *
 * @example
 *   const { hash } = await hasher.fingerprint(previewBytes); // "c3a1…" (16 hex digits)
 */
export interface PerceptualHasher {
  /** Changes with the algorithm: fingerprints of another version are made again. */
  readonly version: string;
  fingerprint(image: Uint8Array): Promise<ImageFingerprint>;
}
