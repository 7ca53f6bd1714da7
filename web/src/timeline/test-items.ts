import type { GridItem } from './grid-item';

/** A grid item for unit tests. */
export const item = (id: string, takenAt: string, aspectRatio = 1.5): GridItem => ({
  id,
  takenAt,
  aspectRatio,
  thumbhash: null,
  thumbnailVersion: null,
  type: 'image',
  duration: null,
  isFavorite: false,
  status: 'ready',
  place: null,
});
