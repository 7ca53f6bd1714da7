export interface PictureSize {
  width: number;
  height: number;
}

/**
 * Whether a camera RAW is shown by developing its sensor data rather than by its largest
 * embedded picture (See: [Note: Camera RAW previews]): when there is none, or when it is much
 * smaller than what the preview rendition (`previewLongSide`) could show: under a third of that
 * long side, or of the sensor's for a sensor smaller than that. A 1997 Kodak's 80x60 thumbnail or
 * a 160x120 one is developed; a 2002 Canon's 640x480 JpgFromRaw, in the camera's own colours, is
 * kept. `preview` is undefined when the RAW holds none, or none that can be decoded.
 */
export function shouldDevelopRaw(
  preview: PictureSize | undefined,
  sensor: PictureSize | undefined,
  previewLongSide: number,
): boolean {
  if (!preview) return true;
  if (!sensor) return false;
  return longSide(preview) < Math.min(previewLongSide, longSide(sensor)) / 3;
}

/**
 * Whether the sensor data is developed at half its size (each 2x2 block of photosites one pixel,
 * no demosaicing: several times faster), which it is when that still fills the preview rendition.
 */
export function developsAtHalfSize(sensor: PictureSize | undefined, previewLongSide: number) {
  return sensor === undefined || longSide(sensor) / 2 >= previewLongSide;
}

const longSide = ({ width, height }: PictureSize) => Math.max(width, height);
