import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { AssetStatus, AssetType } from '../../../core/assets/asset.js';
import type {
  TimelineBucket,
  TimelineCursor,
  TimelineFilter,
  TimelineItem,
  TimelineRepository,
} from '../../../core/timeline/timeline.js';
import type { AssetsTable, Database } from '../schema.js';
import { placeFromColumn } from './asset-rows.js';
import { afterCursor } from './newest-first.js';

export class KyselyTimelineRepository implements TimelineRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async buckets(owners: readonly string[], filter?: TimelineFilter): Promise<TimelineBucket[]> {
    if (isNarrowed(filter)) return this.narrowedBuckets(owners, filter);
    if (owners.length === 1) {
      const rows = await this.db
        .selectFrom('timeline_buckets')
        .select(['month', 'count'])
        .where('owner_id', '=', owners[0]!)
        .where('count', '>', 0)
        .orderBy('month', 'desc')
        .execute();
      return rows.map((r) => ({ bucket: r.month, count: Number(r.count) }));
    }
    const rows = await this.db
      .selectFrom('timeline_buckets')
      .select((eb) => ['month', eb.fn.sum<number | string>('count').as('count')])
      .where('owner_id', 'in', owners)
      .where('count', '>', 0)
      .groupBy('month')
      .orderBy('month', 'desc')
      .execute();
    return rows.map((r) => ({ bucket: r.month, count: Number(r.count) }));
  }

  private async narrowedBuckets(
    owners: readonly string[],
    filter: TimelineFilter,
  ): Promise<TimelineBucket[]> {
    let q = this.db
      .selectFrom('assets')
      .select((eb) => ['month', eb.fn.countAll<number | string>().as('count')])
      .where('owner_id', 'in', owners)
      .where('is_archived', '=', 0)
      .where('trashed_at', 'is', null)
      .where('is_hidden', '=', 0);
    if (filter.tag !== undefined) q = q.where(taggedWith(filter.tag));
    const rows = await q.groupBy('month').orderBy('month', 'desc').execute();
    return rows.map((r) => ({ bucket: r.month, count: Number(r.count) }));
  }

  async bucketPage(
    owners: readonly string[],
    bucket: string,
    limit: number,
    after?: TimelineCursor,
    filter?: TimelineFilter,
  ): Promise<TimelineItem[]> {
    // The conditions match assets_timeline_idx exactly, so one owner is one index range scan;
    // with partners shown it is one range scan per owner, merged.
    let q = this.db
      .selectFrom('assets')
      .select([...TIMELINE_ITEM_COLUMNS, 'owner_id'])
      .where((eb) =>
        owners.length === 1 ? eb('owner_id', '=', owners[0]!) : eb('owner_id', 'in', owners),
      )
      .where('month', '=', bucket)
      .where('is_archived', '=', 0)
      .where('trashed_at', 'is', null)
      .where('is_hidden', '=', 0);
    if (after) {
      q = q.where(afterCursor(after));
    }
    if (filter?.tag !== undefined) q = q.where(taggedWith(filter.tag));
    const rows = await q
      .orderBy('taken_local', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    const [viewer] = owners;
    return rows.map((r) =>
      r.owner_id === viewer ? toTimelineItem(r) : { ...toTimelineItem(r), ownerId: r.owner_id },
    );
  }
}

/** A narrowed timeline's months are counted from its assets: timeline_buckets counts them all. */
const isNarrowed = (filter: TimelineFilter | undefined): filter is TimelineFilter =>
  filter?.tag !== undefined;

/** The assets with this tag (one probe of asset_tags' (asset_id, name) key per asset). */
const taggedWith = (tag: string) => (eb: ExpressionBuilder<Database, 'assets'>) =>
  eb.exists(
    eb
      .selectFrom('asset_tags')
      .select('asset_tags.id')
      .whereRef('asset_tags.asset_id', '=', 'assets.id')
      .where('asset_tags.name', '=', tag),
  );

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
  'status',
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
  status: r.status as AssetStatus,
  place: placeFromColumn(r.place),
});
