import type { AssetType } from '../assets/asset.js';
import type { Place } from '../places/place-resolver.js';

export interface TimelineBucket {
  bucket: string;
  count: number;
}

/** What a grid needs to lay out one asset without another request. */
export interface TimelineItem {
  id: string;
  local: string;
  offsetMinutes: number | null;
  width: number | null;
  height: number | null;
  thumbhash: string | null;
  thumbnailVersion: string | null;
  type: AssetType;
  durationMs: number | null;
  isFavorite: boolean;
  /** For alt text ("Photo taken on … in Rome, Italy"), without fetching the asset. */
  place: Place | null;
}

export interface TimelineRepository {
  /** Months with at least one visible asset, newest first. */
  buckets(ownerId: string): Promise<TimelineBucket[]>;
  /** One month's visible assets, newest first, from after `cursor`. */
  bucketPage(
    ownerId: string,
    bucket: string,
    limit: number,
    after?: TimelineCursor,
  ): Promise<TimelineItem[]>;
}

export interface TimelineCursor {
  local: string;
  id: string;
}
