import type { FaceBox } from './people-api';

const clamp = (n: number) => Math.min(1, Math.max(0, n));
const percent = (n: number) => `${+(n * 100).toFixed(3)}%`;

/** The box clamped to the picture: a face at an edge may be found reaching past it. */
export function clampBox(box: FaceBox): FaceBox {
  const x = clamp(box.x);
  const y = clamp(box.y);
  return { x, y, width: clamp(box.x + box.width) - x, height: clamp(box.y + box.height) - y };
}

/**
 * Where a face box lies over the photo, in CSS percentages of the drawn picture: boxes are
 * fractions of the upright picture, and the viewer's frame has exactly its shape.
 */
export function boxStyle(box: FaceBox): {
  left: string;
  top: string;
  width: string;
  height: string;
} {
  const b = clampBox(box);
  return {
    left: percent(b.x),
    top: percent(b.y),
    width: percent(b.width),
    height: percent(b.height),
  };
}

/**
 * A square element showing only the face, from the whole picture as its background: the picture
 * is scaled so that the box fills the element, and shifted so that the box is what shows.
 */
export function cropStyle(box: FaceBox): { backgroundSize: string; backgroundPosition: string } {
  const b = clampBox(box);
  const w = Math.max(b.width, 0.001);
  const h = Math.max(b.height, 0.001);
  // background-position p% puts the picture's p% point at the element's p% point.
  const at = (start: number, size: number) => (size >= 1 ? 0 : start / (1 - size));
  return {
    backgroundSize: `${percent(1 / w)} ${percent(1 / h)}`,
    backgroundPosition: `${percent(at(b.x, w))} ${percent(at(b.y, h))}`,
  };
}
