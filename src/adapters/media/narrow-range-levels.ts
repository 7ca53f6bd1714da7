import type { Sharp } from 'sharp';

/*
 * [Note: Narrow-range 16-bit greyscale]
 * Radiometric thermal cameras (DJI Zenmuse, FLIR) store each pixel's temperature as 16-bit grey,
 * and a scene spans a few hundred codes of the 65,536 (the corpus's DJI XT2 file: 7534-8011).
 * Scaled to 8 bits as is, that is one or two greys: a uniform grey picture. When a 16-bit grey
 * image spans under 1/16 of its range (fewer than 16 distinct 8-bit greys), its darkest code is
 * stretched to black and its brightest to white, which is what thermal viewers show. A 16-bit
 * grey photo or scan spans far more and is left as it is. Not sharp's normalise(): it finds the
 * levels on an 8-bit histogram, so it leaves such an image as grey as before.
 */
const NARROW_SPAN = 65536 / 16;

/**
 * For a 16-bit single-band image (`input`, nothing done to it yet) in too narrow a span to be
 * seen, the `linear(multiply, add)` that stretches it to the full range; undefined otherwise.
 */
export async function narrowLevelsStretch(
  input: Sharp,
): Promise<{ multiply: number; add: number } | undefined> {
  const { depth, channels } = await input.metadata();
  if (depth !== 'ushort' || channels !== 1) return undefined;
  const [grey] = (await input.clone().stats()).channels;
  if (!grey || grey.max - grey.min >= NARROW_SPAN || grey.max === grey.min) return undefined;
  const multiply = 65535 / (grey.max - grey.min);
  return { multiply, add: -grey.min * multiply };
}
