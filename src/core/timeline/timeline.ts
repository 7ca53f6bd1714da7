import type { AssetStatus, AssetType } from '../assets/asset.js';
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
  /**
   * A grid asks for a thumbnail only once there is one (thumbnailVersion), shows a placeholder
   * while processing and marks a failed asset: see [Note: Tiles without a thumbnail] in the web app.
   */
  status: AssetStatus;
  /** For alt text ("Photo taken on … in Rome, Italy"), without fetching the asset. */
  place: Place | null;
  /** Set only when the asset is not the viewer's own (a partner's, or another album member's). */
  ownerId?: string;
}

/**
 * `owners` are whose assets one timeline shows: the viewer first, then the partners whose photos
 * the viewer chose to see (see core/partners/). Items of any owner but the first carry `ownerId`.
 */
export interface TimelineRepository {
  /** Months with at least one visible asset, newest first. */
  buckets(owners: readonly string[], filter?: TimelineFilter): Promise<TimelineBucket[]>;
  /** One month's visible assets, newest first, from after `cursor`. */
  bucketPage(
    owners: readonly string[],
    bucket: string,
    limit: number,
    after?: TimelineCursor,
    filter?: TimelineFilter,
  ): Promise<TimelineItem[]>;
}

/** Narrows a timeline to the visible assets that have something; unset fields narrow nothing. */
export interface TimelineFilter {
  /** A tag's timeline: the assets with this tag (see core/tags/). */
  tag?: string;
}

export interface TimelineCursor {
  local: string;
  id: string;
}
