import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AlbumRepository } from '../../../core/albums/album-repository.js';
import type {
  Album,
  AlbumChanges,
  AlbumMember,
  AlbumRole,
  AlbumSortOrder,
  AlbumView,
  NewAlbum,
  SharedRole,
} from '../../../core/albums/album.js';
import type {
  TimelineBucket,
  TimelineCursor,
  TimelineItem,
} from '../../../core/timeline/timeline.js';
import type { Database } from '../schema.js';
import { albumSummaries, shownMembers, toAlbum } from './album-rows.js';
import { TIMELINE_ITEM_COLUMNS, toTimelineItem } from './timeline-repository.js';
import { chunksOf } from './parameter-chunks.js';
import { visibleOwnedAssetIds } from './visible-owned-assets.js';

export class KyselyAlbumRepository implements AlbumRepository {
  constructor(private readonly db: Kysely<Database>) {}

  // See: [Note: Album access]: the owner, else the album_users row, else nothing.
  async roleOf(userId: string, albumId: string): Promise<AlbumRole | undefined> {
    const row = await this.db
      .selectFrom('albums')
      .leftJoin('album_users as au', (join) =>
        join.onRef('au.album_id', '=', 'albums.id').on('au.user_id', '=', userId),
      )
      .select(['albums.owner_id', 'au.role'])
      .where('albums.id', '=', albumId)
      .executeTakeFirst();
    if (!row) return undefined;
    if (row.owner_id === userId) return 'owner';
    return (row.role as SharedRole | null) ?? undefined;
  }

  async get(albumId: string): Promise<Album | undefined> {
    const row = await albumSummaries(this.db).where('albums.id', '=', albumId).executeTakeFirst();
    return row && toAlbum(row);
  }

  async listFor(userId: string): Promise<AlbumView[]> {
    const rows = await albumSummaries(this.db)
      .leftJoin('album_users as mine', (join) =>
        join.onRef('mine.album_id', '=', 'albums.id').on('mine.user_id', '=', userId),
      )
      .select('mine.role as member_role')
      .where((eb) => eb.or([eb('albums.owner_id', '=', userId), eb('mine.id', 'is not', null)]))
      .orderBy('albums.updated_at', 'desc')
      .orderBy('albums.id', 'desc')
      .execute();
    return rows.map((row) => ({
      ...toAlbum(row),
      role: row.owner_id === userId ? 'owner' : (row.member_role as SharedRole),
    }));
  }

  async members(albumId: string): Promise<AlbumMember[]> {
    const rows = await this.db
      .selectFrom('album_users as au')
      .innerJoin('users as u', 'u.id', 'au.user_id')
      .select(['au.user_id', 'u.name', 'au.role', 'au.added_at'])
      .where('au.album_id', '=', albumId)
      .orderBy('au.added_at')
      .orderBy('au.id')
      .execute();
    return rows.map((r) => ({
      userId: r.user_id,
      name: r.name,
      role: r.role as SharedRole,
      addedAt: r.added_at,
    }));
  }

  async setMembers(
    albumId: string,
    members: readonly { userId: string; role: SharedRole }[],
    at: string,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      let leaving = trx.deleteFrom('album_users').where('album_id', '=', albumId);
      if (members.length > 0)
        leaving = leaving.where(
          'user_id',
          'not in',
          members.map((m) => m.userId),
        );
      await leaving.execute();
      if (members.length === 0) return;
      // Those already there keep their added_at; only their role changes.
      await trx
        .insertInto('album_users')
        .values(
          members.map((m) => ({
            id: randomUUID(),
            album_id: albumId,
            user_id: m.userId,
            role: m.role,
            added_at: at,
          })),
        )
        .onConflict((oc) =>
          oc
            .columns(['album_id', 'user_id'])
            .doUpdateSet((eb) => ({ role: eb.ref('excluded.role') })),
        )
        .execute();
    });
  }

  async removeMember(albumId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom('album_users')
      .where('album_id', '=', albumId)
      .where('user_id', '=', userId)
      .execute();
  }

  async knownUserIds(ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const chunk of chunksOf(ids)) {
      const rows = await this.db
        .selectFrom('users')
        .select('id')
        .where('id', 'in', chunk)
        .execute();
      for (const row of rows) found.add(row.id);
    }
    return found;
  }

  async showsToMember(userId: string, assetId: string): Promise<boolean> {
    const row = await shownMembers(this.db)
      .innerJoin('albums', 'albums.id', 'aa.album_id')
      .leftJoin('album_users as au', (join) =>
        join.onRef('au.album_id', '=', 'aa.album_id').on('au.user_id', '=', userId),
      )
      .select('s.id')
      // The photo itself, or the hidden motion part of a Live Photo shown there.
      .where((eb) => eb.or([eb('s.id', '=', assetId), eb('s.live_photo_video_id', '=', assetId)]))
      .where((eb) => eb.or([eb('albums.owner_id', '=', userId), eb('au.id', 'is not', null)]))
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  async create(album: NewAlbum): Promise<void> {
    await this.db
      .insertInto('albums')
      .values({
        id: album.id,
        owner_id: album.ownerId,
        name: album.name,
        description: album.description,
        cover_asset_id: null,
        created_at: album.createdAt,
        updated_at: album.createdAt,
      })
      .execute();
  }

  async update(albumId: string, changes: AlbumChanges, updatedAt: string): Promise<void> {
    await this.db
      .updateTable('albums')
      .set({
        name: changes.name,
        description: changes.description,
        cover_asset_id: changes.coverAssetId,
        sort_order: changes.sortOrder,
        updated_at: updatedAt,
      })
      .where('id', '=', albumId)
      .execute();
  }

  async delete(albumId: string): Promise<void> {
    // album_assets rows go by cascade; the assets themselves are not touched.
    await this.db.deleteFrom('albums').where('id', '=', albumId).execute();
  }

  addableAssetIds(userId: string, ids: readonly string[]): Promise<Set<string>> {
    return visibleOwnedAssetIds(this.db, userId, ids);
  }

  async addAssets(
    albumId: string,
    ids: readonly string[],
    addedBy: string,
    addedAt: string,
  ): Promise<Set<string>> {
    const added = new Set<string>();
    if (ids.length === 0) return added;
    await this.db.transaction().execute(async (trx) => {
      for (const chunk of chunksOf(ids)) {
        // Conflicts are members already: two requests adding the same photo both succeed.
        const rows = await trx
          .insertInto('album_assets')
          .values(
            chunk.map((id) => ({
              id: randomUUID(),
              album_id: albumId,
              asset_id: id,
              added_by: addedBy,
              added_at: addedAt,
            })),
          )
          .onConflict((oc) => oc.columns(['album_id', 'asset_id']).doNothing())
          .returning('asset_id')
          .execute();
        for (const row of rows) added.add(row.asset_id);
      }
      if (added.size > 0)
        await trx
          .updateTable('albums')
          .set({ updated_at: addedAt })
          .where('id', '=', albumId)
          .execute();
    });
    return added;
  }

  async removeAssets(
    albumId: string,
    ids: readonly string[],
    updatedAt: string,
    onlyAddedBy?: string,
  ): Promise<Set<string>> {
    const removed = new Set<string>();
    if (ids.length === 0) return removed;
    await this.db.transaction().execute(async (trx) => {
      for (const chunk of chunksOf(ids)) {
        let query = trx
          .deleteFrom('album_assets')
          .where('album_id', '=', albumId)
          .where('asset_id', 'in', chunk);
        if (onlyAddedBy) query = query.where('added_by', '=', onlyAddedBy);
        const rows = await query.returning('asset_id').execute();
        for (const row of rows) removed.add(row.asset_id);
      }
      if (removed.size === 0) return;
      await trx
        .updateTable('albums')
        .set({ updated_at: updatedAt })
        .where('id', '=', albumId)
        .execute();
      // A cover that leaves the album is forgotten, so adding it back later does not bring it
      // back as the cover unasked.
      await trx
        .updateTable('albums')
        .set({ cover_asset_id: null })
        .where('id', '=', albumId)
        .where('cover_asset_id', 'in', [...removed])
        .execute();
    });
    return removed;
  }

  async memberAssetIds(albumId: string, ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const chunk of chunksOf(ids)) {
      const rows = await this.db
        .selectFrom('album_assets')
        .select('asset_id')
        .where('album_id', '=', albumId)
        .where('asset_id', 'in', chunk)
        .execute();
      for (const row of rows) found.add(row.asset_id);
    }
    return found;
  }

  async shows(albumId: string, assetId: string): Promise<boolean> {
    const row = await shownMembers(this.db)
      .select('s.id')
      .where('aa.album_id', '=', albumId)
      .where('s.id', '=', assetId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async buckets(albumId: string, order: AlbumSortOrder): Promise<TimelineBucket[]> {
    const rows = await shownMembers(this.db)
      .select(['s.month', (eb) => eb.fn.countAll<number>().as('count')])
      .where('aa.album_id', '=', albumId)
      .groupBy('s.month')
      .orderBy('s.month', direction(order))
      .execute();
    return rows.map((r) => ({ bucket: r.month, count: Number(r.count) }));
  }

  async bucketPage(
    albumId: string,
    order: AlbumSortOrder,
    bucket: string,
    limit: number,
    after: TimelineCursor | undefined,
    viewerId: string,
  ): Promise<TimelineItem[]> {
    const dir = direction(order);
    const beyond = dir === 'desc' ? '<' : '>';
    let q = shownMembers(this.db)
      .select(TIMELINE_ITEM_COLUMNS.map((column) => `s.${column}` as const))
      .select('s.owner_id')
      .where('aa.album_id', '=', albumId)
      .where('s.month', '=', bucket);
    // Keyset paging in the album's order: the rows after the last one of the previous page.
    if (after)
      q = q.where((eb) =>
        eb.or([
          eb('s.taken_local', beyond, after.local),
          eb.and([eb('s.taken_local', '=', after.local), eb('s.id', beyond, after.id)]),
        ]),
      );
    const rows = await q.orderBy('s.taken_local', dir).orderBy('s.id', dir).limit(limit).execute();
    // Someone else's photo says whose it is, so the page offers only what the viewer may do.
    return rows.map((r) =>
      r.owner_id === viewerId ? toTimelineItem(r) : { ...toTimelineItem(r), ownerId: r.owner_id },
    );
  }
}

const direction = (order: AlbumSortOrder) => (order === 'oldest-first' ? 'asc' : 'desc');
