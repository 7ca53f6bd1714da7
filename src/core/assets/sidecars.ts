import type { Asset } from './asset.js';

/** A sidecar is text of a few kilobytes; Lightroom's with every develop setting stay well under. */
export const MAX_SIDECAR_BYTES = 1024 * 1024;

/** One per asset, beside its renditions' prefix: a new sidecar replaces the last one. */
export const sidecarKeyFor = (assetId: string): string =>
  `sidecars/${assetId.slice(0, 2)}/${assetId}.xmp`;

export const isSidecarName = (fileName: string): boolean => /\.xmp$/i.test(fileName);

/** The photo name a sidecar's name points at: `IMG_1.jpg.xmp` → `IMG_1.jpg`, `IMG_1.xmp` → `IMG_1`. */
export const sidecarBaseName = (fileName: string): string => fileName.replace(/\.xmp$/i, '');

/**
 * The photo a sidecar named after `base` belongs to, among one owner's assets newest first: one
 * named exactly `base` (`IMG_1.jpg` for `IMG_1.jpg.xmp`), else one whose name without its
 * extension is `base` (`IMG_1.CR2` for `IMG_1.xmp`). Names compare without case, as cameras
 * write `IMG_1.JPG` and editors often `img_1.xmp`.
 */
export function pickSidecarTarget<T extends Pick<Asset, 'originalFileName'>>(
  base: string,
  newestFirst: readonly T[],
): T | undefined {
  const wanted = base.toLowerCase();
  const names = newestFirst.map((asset) => asset.originalFileName.toLowerCase());
  const exact = names.indexOf(wanted);
  if (exact >= 0) return newestFirst[exact];
  const byStem = names.findIndex((name) => name.replace(/\.[^.]*$/, '') === wanted);
  return byStem >= 0 ? newestFirst[byStem] : undefined;
}
