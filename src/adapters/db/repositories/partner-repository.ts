import type { Kysely } from 'kysely';
import type { PartnerRepository, Partnership } from '../../../core/partners/partner.js';
import type { Database } from '../schema.js';

export class KyselyPartnerRepository implements PartnerRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(row: { id: string; ownerId: string; partnerId: string; createdAt: string }) {
    await this.db
      .insertInto('partners')
      .values({
        id: row.id,
        owner_id: row.ownerId,
        partner_id: row.partnerId,
        created_at: row.createdAt,
      })
      .onConflict((oc) => oc.columns(['owner_id', 'partner_id']).doNothing())
      .execute();
  }

  async remove(ownerId: string, partnerId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('partners')
      .where('owner_id', '=', ownerId)
      .where('partner_id', '=', partnerId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async setInTimeline(ownerId: string, partnerId: string, inTimeline: boolean) {
    const result = await this.db
      .updateTable('partners')
      .set({ in_timeline: inTimeline ? 1 : 0 })
      .where('owner_id', '=', ownerId)
      .where('partner_id', '=', partnerId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  listSharedBy(ownerId: string): Promise<Partnership[]> {
    return this.list('owner_id', 'partner_id', ownerId);
  }

  listSharedWith(partnerId: string): Promise<Partnership[]> {
    return this.list('partner_id', 'owner_id', partnerId);
  }

  async sharesAsset(partnerId: string, assetId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('assets')
      .innerJoin('partners', 'partners.owner_id', 'assets.owner_id')
      .select('assets.id')
      .where('assets.id', '=', assetId)
      .where('assets.trashed_at', 'is', null)
      .where('partners.partner_id', '=', partnerId)
      .executeTakeFirst();
    return row !== undefined;
  }

  async timelineOwners(partnerId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('partners')
      .select('owner_id')
      .where('partner_id', '=', partnerId)
      .where('in_timeline', '=', 1)
      .orderBy('owner_id')
      .execute();
    return rows.map((r) => r.owner_id);
  }

  private async list(
    mine: 'owner_id' | 'partner_id',
    theirs: 'owner_id' | 'partner_id',
    userId: string,
  ): Promise<Partnership[]> {
    const rows = await this.db
      .selectFrom('partners')
      .innerJoin('users', 'users.id', `partners.${theirs}`)
      .select(['users.id', 'users.name', 'partners.in_timeline', 'partners.created_at'])
      .where(`partners.${mine}`, '=', userId)
      .orderBy('partners.created_at')
      .execute();
    return rows.map((r) => ({
      user: { id: r.id, name: r.name },
      inTimeline: r.in_timeline === 1,
      createdAt: r.created_at,
    }));
  }
}
