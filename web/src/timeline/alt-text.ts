import { formatDay, formatPlace } from '../viewer/format-info';
import type { GridItem } from './grid-item';

/** A tile's alt text: "Photo taken on 25 November 2026 in Rome, Italy" (the place when known). */
export function altText(item: GridItem, locale?: string): string {
  const kind = item.type === 'video' ? 'Video' : 'Photo';
  const place = item.place ? ` in ${formatPlace(item.place)}` : '';
  return `${kind} taken on ${formatDay(item.takenAt, locale)}${place}`;
}
