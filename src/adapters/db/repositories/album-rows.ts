import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Album, AlbumSortOrder } from '../../../core/albums/album.js';
import type { Database } from '../schema.js';

type AlbumScope = ExpressionBuilder<Database, 'albums'>;

/** The album's members that it shows: not trashed, not a hidden motion part. */
export const shownMembers = (db: Kysely<Database>) =>
  db
    .selectFrom('album_assets as aa')
    .innerJoin('assets as s', 's.id', 'aa.asset_id')
    .where('s.trashed_at', 'is', null)
    .where('s.is_hidden', '=', 0);

const shownIn = (eb: AlbumScope) =>
  eb
    .selectFrom('album_assets as aa')
    .innerJoin('assets as s', 's.id', 'aa.asset_id')
    .whereRef('aa.album_id', '=', 'albums.id')
    .where('s.trashed_at', 'is', null)
    .where('s.is_hidden', '=', 0);

/**
 * Albums with what a card shows, each figure a subquery of the album's own members: the count,
 * the oldest and newest capture time, and the cover (the chosen one while shown, else the newest).
 */
export const albumSummaries = (db: Kysely<Database>) =>
  db
    .selectFrom('albums')
    .innerJoin('users as owner', 'owner.id', 'albums.owner_id')
    .leftJoin('assets as cover', (join) =>
      join.on((eb) =>
        eb(
          'cover.id',
          '=',
          shownIn(eb)
            .select('s.id')
            .orderBy((sub) =>
              sub.case().when('s.id', '=', sub.ref('albums.cover_asset_id')).then(0).else(1).end(),
            )
            .orderBy('s.taken_local', 'desc')
            .orderBy('s.id', 'desc')
            .limit(1),
        ),
      ),
    )
    .select([
      'albums.id',
      'albums.owner_id',
      'owner.name as owner_name',
      'albums.name',
      'albums.description',
      'albums.cover_asset_id',
      'albums.sort_order',
      'albums.created_at',
      'albums.updated_at',
      'cover.id as cover_id',
      'cover.renditions_version as cover_version',
    ])
    .select((eb) => [
      shownIn(eb)
        .select((c) => c.fn.countAll<number>().as('n'))
        .as('asset_count'),
      shownIn(eb)
        .select((c) => c.fn.min('s.taken_local').as('t'))
        .as('start_local'),
      shownIn(eb)
        .select((c) => c.fn.max('s.taken_local').as('t'))
        .as('end_local'),
    ]);

type SummaryRow = Awaited<ReturnType<ReturnType<typeof albumSummaries>['executeTakeFirstOrThrow']>>;

export const toAlbum = (row: SummaryRow): Album => ({
  id: row.id,
  ownerId: row.owner_id,
  ownerName: row.owner_name,
  name: row.name,
  description: row.description,
  coverAssetId: row.cover_asset_id,
  sortOrder: row.sort_order as AlbumSortOrder,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  assetCount: Number(row.asset_count ?? 0),
  cover: row.cover_id ? { id: row.cover_id, thumbnailVersion: row.cover_version } : null,
  startLocal: row.start_local ?? null,
  endLocal: row.end_local ?? null,
});
