import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Asset } from '../../../core/assets/asset.js';
import type { SharedLinkRepository } from '../../../core/shared-links/shared-link-repository.js';
import type {
  NewSharedLink,
  OwnedSharedLink,
  SharedLink,
  SharedLinkWithSecret,
} from '../../../core/shared-links/shared-link.js';
import type { Database, SharedLinksTable } from '../schema.js';
import { toAsset } from './asset-rows.js';
import { chunksOf } from './parameter-chunks.js';
import { visibleOwnedAssetIds } from './visible-owned-assets.js';

type LinkRow = Selectable<SharedLinksTable> & {
  album_name: string | null;
  asset_count: number;
  owner_disabled_at: string | null;
  owner_delete_after: string | null;
};

export class KyselySharedLinkRepository implements SharedLinkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(link: NewSharedLink): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('shared_links')
        .values({
          id: link.id,
          owner_id: link.ownerId,
          key_hash: link.keyHash,
          key_sealed: link.keySealed,
          album_id: link.albumId,
          expires_at: link.expiresAt,
          password_hash: link.passwordHash,
          allow_download: link.allowDownload ? 1 : 0,
          allow_upload: link.allowUpload ? 1 : 0,
          hide_location: link.hideLocation ? 1 : 0,
          created_at: link.createdAt,
          revoked_at: null,
        })
        .execute();
      for (const chunk of chunksOf(link.assetIds))
        await trx
          .insertInto('shared_link_assets')
          .values(
            chunk.map((assetId) => ({ id: randomUUID(), link_id: link.id, asset_id: assetId })),
          )
          .execute();
    });
  }

  async listFor(ownerId: string): Promise<OwnedSharedLink[]> {
    const rows = await this.links()
      .where('l.owner_id', '=', ownerId)
      .orderBy('l.created_at', 'desc')
      .orderBy('l.id', 'desc')
      .execute();
    return rows.map((row) => ({ ...toSharedLink(row), keySealed: row.key_sealed }));
  }

  async revoke(ownerId: string, id: string, revokedAt: string): Promise<boolean> {
    const result = await this.db
      .updateTable('shared_links')
      .set({ revoked_at: revokedAt })
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async findByKeyHash(keyHash: string): Promise<SharedLinkWithSecret | undefined> {
    const row = await this.links().where('l.key_hash', '=', keyHash).executeTakeFirst();
    return (
      row && {
        ...toSharedLink(row),
        passwordHash: row.password_hash,
        ownerActive: row.owner_disabled_at === null && row.owner_delete_after === null,
      }
    );
  }

  async assetsOf(link: SharedLink): Promise<Asset[]> {
    const rows = await this.shown(link)
      .selectAll('s')
      .orderBy('s.taken_local', 'desc')
      .orderBy('s.id', 'desc')
      .execute();
    return rows.map(toAsset);
  }

  async ownerOfShown(link: SharedLink, assetId: string): Promise<string | undefined> {
    const row = await this.shown(link)
      .select('s.owner_id')
      .where('s.id', '=', assetId)
      .executeTakeFirst();
    return row?.owner_id;
  }

  shareableAssetIds(ownerId: string, ids: readonly string[]): Promise<Set<string>> {
    return visibleOwnedAssetIds(this.db, ownerId, ids);
  }

  /**
   * The link's photos as they are now: an album's members, or the selection (still the owner's);
   * never those of a user who is disabled or awaiting deletion (a shared album holds others' too).
   */
  private shown(link: SharedLink) {
    const base = link.albumId
      ? this.db
          .selectFrom('album_assets as m')
          .innerJoin('assets as s', 's.id', 'm.asset_id')
          .where('m.album_id', '=', link.albumId)
      : this.db
          .selectFrom('shared_link_assets as m')
          .innerJoin('assets as s', 's.id', 'm.asset_id')
          .where('m.link_id', '=', link.id)
          .where('s.owner_id', '=', link.ownerId);
    return base
      .innerJoin('users as u', 'u.id', 's.owner_id')
      .where('u.disabled_at', 'is', null)
      .where('u.delete_after', 'is', null)
      .where('s.trashed_at', 'is', null)
      .where('s.is_hidden', '=', 0);
  }

  private links() {
    return this.db
      .selectFrom('shared_links as l')
      .leftJoin('albums as a', 'a.id', 'l.album_id')
      .innerJoin('users as o', 'o.id', 'l.owner_id')
      .selectAll('l')
      .select((eb) => [
        'a.name as album_name',
        'o.disabled_at as owner_disabled_at',
        'o.delete_after as owner_delete_after',
        eb
          .case()
          .when('l.album_id', 'is not', null)
          .then(
            eb
              .selectFrom('album_assets as m')
              .innerJoin('assets as s', 's.id', 'm.asset_id')
              .innerJoin('users as u', 'u.id', 's.owner_id')
              .whereRef('m.album_id', '=', 'l.album_id')
              .where('u.disabled_at', 'is', null)
              .where('u.delete_after', 'is', null)
              .where('s.trashed_at', 'is', null)
              .where('s.is_hidden', '=', 0)
              .select(sql<number>`count(*)`.as('n')),
          )
          .else(
            eb
              .selectFrom('shared_link_assets as m')
              .innerJoin('assets as s', 's.id', 'm.asset_id')
              .innerJoin('users as u', 'u.id', 's.owner_id')
              .whereRef('m.link_id', '=', 'l.id')
              .where('u.disabled_at', 'is', null)
              .where('u.delete_after', 'is', null)
              .where('s.trashed_at', 'is', null)
              .where('s.is_hidden', '=', 0)
              .select(sql<number>`count(*)`.as('n')),
          )
          .end()
          .as('asset_count'),
      ]);
  }
}

function toSharedLink(row: LinkRow): SharedLink {
  return {
    id: row.id,
    ownerId: row.owner_id,
    albumId: row.album_id,
    albumName: row.album_name,
    expiresAt: row.expires_at,
    hasPassword: row.password_hash !== null,
    allowDownload: row.allow_download === 1,
    allowUpload: row.allow_upload === 1,
    hideLocation: row.hide_location === 1,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    assetCount: Number(row.asset_count),
  };
}
