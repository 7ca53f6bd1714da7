import type { Kysely } from 'kysely';
import type {
  ActivityQuery,
  AlbumActivity,
  AlbumActivityRepository,
  NewAlbumActivity,
} from '../../../core/albums/album-activity.js';
import type { Database } from '../schema.js';

export class KyselyAlbumActivityRepository implements AlbumActivityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  private select() {
    return this.db
      .selectFrom('album_activity as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select([
        'a.id',
        'a.album_id',
        'a.user_id',
        'u.name as user_name',
        'a.asset_id',
        'a.kind',
        'a.text',
        'a.created_at',
      ]);
  }

  async list(albumId: string, { limit, after, assetId }: ActivityQuery): Promise<AlbumActivity[]> {
    let q = this.select().where('a.album_id', '=', albumId);
    if (assetId) q = q.where('a.asset_id', '=', assetId);
    if (after)
      q = q.where((eb) =>
        eb.or([
          eb('a.created_at', '<', after.createdAt),
          eb.and([eb('a.created_at', '=', after.createdAt), eb('a.id', '<', after.id)]),
        ]),
      );
    const rows = await q
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toActivity);
  }

  async get(id: string): Promise<AlbumActivity | undefined> {
    const row = await this.select().where('a.id', '=', id).executeTakeFirst();
    return row && toActivity(row);
  }

  async add(activity: NewAlbumActivity): Promise<void> {
    await this.db
      .insertInto('album_activity')
      .values({
        id: activity.id,
        album_id: activity.albumId,
        user_id: activity.userId,
        asset_id: activity.assetId,
        kind: activity.kind,
        text: activity.text,
        created_at: activity.createdAt,
      })
      // A like already there (album_activity_like_unique) stays as it is.
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  async removeLike(albumId: string, userId: string, assetId: string | null): Promise<void> {
    await this.db
      .deleteFrom('album_activity')
      .where('album_id', '=', albumId)
      .where('user_id', '=', userId)
      .where('kind', '=', 'like')
      .where('asset_id', assetId === null ? 'is' : '=', assetId)
      .execute();
  }
}

type Row = Awaited<
  ReturnType<ReturnType<KyselyAlbumActivityRepository['select']>['executeTakeFirstOrThrow']>
>;

const toActivity = (row: Row): AlbumActivity => ({
  id: row.id,
  albumId: row.album_id,
  user: { id: row.user_id, name: row.user_name },
  assetId: row.asset_id,
  kind: row.kind as AlbumActivity['kind'],
  text: row.text,
  createdAt: row.created_at,
});
