/**
 * Zoom and pan of the photo, as pure math so it can be tested without a browser. The photo is
 * fitted into the stage, centred, then drawn with `translate(x, y) scale(scale)` around its
 * centre; (x, y) and every point here are in pixels relative to the stage's centre.
 */

export interface Size {
  width: number;
  height: number;
}

export interface View {
  scale: number;
  x: number;
  y: number;
}

export const FITTED: View = { scale: 1, x: 0, y: 0 };
/** Below this the photo counts as fitted (a pinch that ends at 1.02 snaps back). */
export const MIN_ZOOMED = 1.05;
/** Double-click or double-tap zooms this far at the point. */
export const DOUBLE_TAP_SCALE = 2.5;

/** The photo's size when it fits the stage ("contain"), as large as the stage allows. */
export function fitInto(natural: Size, stage: Size): Size {
  if (natural.width <= 0 || natural.height <= 0) return stage;
  const ratio = Math.min(stage.width / natural.width, stage.height / natural.height);
  return { width: natural.width * ratio, height: natural.height * ratio };
}

/**
 * The most zoom worth offering: the original's pixels shown at 4× on the fitted size, and at least
 * 4× so small photos can still be looked at closely.
 */
export function maxScale(fitted: Size, original: Size | null): number {
  if (!original || fitted.width <= 0) return 4;
  return Math.max(4, Math.min(16, (original.width / fitted.width) * 4));
}

/** Keeps the photo covering the stage where it is larger than the stage, centred where not. */
export function clampPan(view: View, fitted: Size, stage: Size): View {
  const maxX = Math.max(0, (fitted.width * view.scale - stage.width) / 2);
  const maxY = Math.max(0, (fitted.height * view.scale - stage.height) / 2);
  return {
    scale: view.scale,
    x: Math.min(maxX, Math.max(-maxX, view.x)),
    y: Math.min(maxY, Math.max(-maxY, view.y)),
  };
}

/**
 * Zooms by `factor` keeping `point` (relative to the stage centre) still under the finger or
 * cursor, between fitted and `max`, then clamps the pan.
 */
export function zoomAt(
  view: View,
  factor: number,
  point: { x: number; y: number },
  limits: { fitted: Size; stage: Size; max: number },
): View {
  const scale = Math.min(limits.max, Math.max(1, view.scale * factor));
  const k = scale / view.scale;
  const next = { scale, x: point.x - (point.x - view.x) * k, y: point.y - (point.y - view.y) * k };
  return scale < MIN_ZOOMED && factor < 1 ? FITTED : clampPan(next, limits.fitted, limits.stage);
}

/**
 * Whether the preview no longer has enough pixels: the photo is drawn wider, in device pixels,
 * than the preview is, and the original is larger than the preview.
 */
export function needsOriginal(
  view: View,
  fitted: Size,
  preview: Size,
  original: Size | null,
  devicePixelRatio: number,
): boolean {
  if (!original || original.width <= preview.width * 1.05) return false;
  return fitted.width * view.scale * devicePixelRatio > preview.width * 1.1;
}

/** The preview's size: the server renders it 1440 pixels on the long side, never enlarged. */
export const PREVIEW_LONG_SIDE = 1440;
export function previewSize(original: Size): Size {
  const ratio = Math.min(1, PREVIEW_LONG_SIDE / Math.max(original.width, original.height));
  return { width: Math.round(original.width * ratio), height: Math.round(original.height * ratio) };
}
