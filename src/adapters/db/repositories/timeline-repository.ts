import type { Kysely, Selectable } from 'kysely';
import type { AssetType } from '../../../core/assets/asset.js';
import type {
  TimelineBucket,
  TimelineCursor,
  TimelineItem,
  TimelineRepository,
} from '../../../core/timeline/timeline.js';
import type { AssetsTable, Database } from '../schema.js';
import { placeFromColumn } from './asset-rows.js';
import { afterCursor } from './newest-first.js';

export class KyselyTimelineRepository implements TimelineRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async buckets(ownerId: string): Promise<TimelineBucket[]> {
    const rows = await this.db
      .selectFrom('timeline_buckets')
      .select(['month', 'count'])
      .where('owner_id', '=', ownerId)
      .where('count', '>', 0)
      .orderBy('month', 'desc')
      .execute();
    return rows.map((r) => ({ bucket: r.month, count: Number(r.count) }));
  }

  async bucketPage(
    ownerId: string,
    bucket: string,
    limit: number,
    after?: TimelineCursor,
  ): Promise<TimelineItem[]> {
    // The conditions match assets_timeline_idx exactly, so this is one index range scan.
    let q = this.db
      .selectFrom('assets')
      .select(TIMELINE_ITEM_COLUMNS)
      .where('owner_id', '=', ownerId)
      .where('month', '=', bucket)
      .where('is_archived', '=', 0)
      .where('trashed_at', 'is', null)
      .where('is_hidden', '=', 0);
    if (after) {
      q = q.where(afterCursor(after));
    }
    const rows = await q
      .orderBy('taken_local', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toTimelineItem);
  }
}

/** What a timeline item reads from an asset row (assets_timeline_idx covers every one). */
export const TIMELINE_ITEM_COLUMNS = [
  'id',
  'taken_local',
  'taken_offset_minutes',
  'width',
  'height',
  'thumbhash',
  'renditions_version',
  'type',
  'duration_ms',
  'is_favorite',
  'place',
] as const satisfies readonly (keyof AssetsTable)[];

export const toTimelineItem = (
  r: Pick<Selectable<AssetsTable>, (typeof TIMELINE_ITEM_COLUMNS)[number]>,
): TimelineItem => ({
  id: r.id,
  local: r.taken_local,
  offsetMinutes: r.taken_offset_minutes,
  width: r.width,
  height: r.height,
  thumbhash: r.thumbhash,
  thumbnailVersion: r.renditions_version,
  type: r.type as AssetType,
  durationMs: r.duration_ms,
  isFavorite: r.is_favorite === 1,
  place: placeFromColumn(r.place),
});
