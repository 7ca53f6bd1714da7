import sharp from 'sharp';

/*
 * Thread side of PoolFaceCropper (runs on a WorkerPool thread, so sharp and libvips stay off the
 * main thread; see [Note: One pool for heavy compute]): a square JPEG around a face.
 */

export interface FaceCropInput {
  preview: Uint8Array;
  /** Fractions of the picture. */
  box: { x: number; y: number; width: number; height: number };
}

/** The side of a face thumbnail, in pixels: a round face of up to ~128 CSS px on a 2× screen. */
const SIZE = 256;
/** Room around the box on each side, as a share of its larger side: hair and chin, as people crop. */
const MARGIN = 0.25;

export async function run({ preview, box }: FaceCropInput): Promise<Uint8Array> {
  const image = sharp(preview);
  const { width = 0, height = 0 } = await image.metadata();
  const side = Math.max(box.width * width, box.height * height) * (1 + 2 * MARGIN);
  const square = Math.max(1, Math.min(Math.round(side), width, height));
  // Kept inside the picture: a face at an edge is off-centre rather than cut.
  const left = clamp(Math.round((box.x + box.width / 2) * width - square / 2), 0, width - square);
  const top = clamp(Math.round((box.y + box.height / 2) * height - square / 2), 0, height - square);
  const jpeg = await image
    .extract({ left, top, width: square, height: square })
    .resize(SIZE, SIZE)
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer();
  return new Uint8Array(jpeg.buffer, jpeg.byteOffset, jpeg.length);
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);
