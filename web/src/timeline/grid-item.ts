import type { paths } from '../api/schema';
import type { Asset } from '../api/client';
import { layoutAspect } from './justified-rows';

type MonthPage =
  paths['/api/timeline/buckets/{bucket}']['get']['responses'][200]['content']['application/json'];

/** What a thumbnail in any grid needs: the timeline's month items have exactly this shape. */
export type GridItem = MonthPage['assets'][number];

export function gridItemOf(asset: Asset): GridItem {
  return {
    id: asset.id,
    takenAt: asset.takenAt,
    aspectRatio: layoutAspect(asset.width, asset.height),
    thumbhash: asset.thumbhash,
    thumbnailVersion: asset.thumbnailVersion,
    type: asset.type,
    duration: asset.duration,
    isFavorite: asset.isFavorite,
    status: asset.status,
    place: asset.place,
  };
}

/** "YYYY-MM-DD" of the local capture day: the time zone of the place the photo was taken. */
export const dayOf = (item: GridItem): string => item.takenAt.slice(0, 10);
export const monthOf = (item: GridItem): string => item.takenAt.slice(0, 7);
