import type { Kysely } from 'kysely';
import type { AssetType } from '../../../core/assets/asset.js';
import type {
  TimelineBucket,
  TimelineCursor,
  TimelineItem,
  TimelineRepository,
} from '../../../core/timeline/timeline.js';
import type { Database } from '../schema.js';
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
      .select([
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
      ])
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
    return rows.map((r) => ({
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
    }));
  }
}
