import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AlbumRepository } from '../../../core/albums/album-repository.js';
import type {
  Album,
  AlbumChanges,
  AlbumRole,
  AlbumSortOrder,
  NewAlbum,
} from '../../../core/albums/album.js';
import type {
  TimelineBucket,
  TimelineCursor,
  TimelineItem,
} from '../../../core/timeline/timeline.js';
import type { Database } from '../schema.js';
import { albumSummaries, shownMembers, toAlbum } from './album-rows.js';
import { TIMELINE_ITEM_COLUMNS, toTimelineItem } from './timeline-repository.js';

// SQLite allows a limited number of bound parameters per statement.
const CHUNK = 500;
const chunksOf = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK),
  );

export class KyselyAlbumRepository implements AlbumRepository {
  constructor(private readonly db: Kysely<Database>) {}

  // See: [Note: Album access]. Sharing adds the album_users rows here.
  async roleOf(userId: string, albumId: string): Promise<AlbumRole | undefined> {
    const album = await this.db
      .selectFrom('albums')
      .select('owner_id')
      .where('id', '=', albumId)
      .executeTakeFirst();
    return album?.owner_id === userId ? 'owner' : undefined;
  }

  async get(albumId: string): Promise<Album | undefined> {
    const row = await albumSummaries(this.db).where('albums.id', '=', albumId).executeTakeFirst();
    return row && toAlbum(row);
  }

  async listFor(userId: string): Promise<Album[]> {
    const rows = await albumSummaries(this.db)
      .where('albums.owner_id', '=', userId)
      .orderBy('albums.updated_at', 'desc')
      .orderBy('albums.id', 'desc')
      .execute();
    return rows.map(toAlbum);
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

  async addableAssetIds(userId: string, ids: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const chunk of chunksOf(ids)) {
      const rows = await this.db
        .selectFrom('assets')
        .select('id')
        .where('owner_id', '=', userId)
        .where('id', 'in', chunk)
        .where('trashed_at', 'is', null)
        .where('is_hidden', '=', 0)
        .execute();
      for (const row of rows) found.add(row.id);
    }
    return found;
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
  ): Promise<Set<string>> {
    const removed = new Set<string>();
    if (ids.length === 0) return removed;
    await this.db.transaction().execute(async (trx) => {
      for (const chunk of chunksOf(ids)) {
        const rows = await trx
          .deleteFrom('album_assets')
          .where('album_id', '=', albumId)
          .where('asset_id', 'in', chunk)
          .returning('asset_id')
          .execute();
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
    after?: TimelineCursor,
  ): Promise<TimelineItem[]> {
    const dir = direction(order);
    const beyond = dir === 'desc' ? '<' : '>';
    let q = shownMembers(this.db)
      .select(TIMELINE_ITEM_COLUMNS.map((column) => `s.${column}` as const))
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
    return rows.map(toTimelineItem);
  }
}

const direction = (order: AlbumSortOrder) => (order === 'oldest-first' ? 'asc' : 'desc');
