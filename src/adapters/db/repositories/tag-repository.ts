import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Tag, TagRepository, TagSummary } from '../../../core/tags/tags.js';
import type { Database } from '../schema.js';

/** See: [Note: Tags]. */
export class KyselyTagRepository implements TagRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async replaceTags(assetId: string, tags: readonly Tag[]): Promise<void> {
    // One transaction: a reader sees the old tags or the new ones, never none or both.
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('asset_tags').where('asset_id', '=', assetId).execute();
      if (tags.length === 0) return;
      await trx
        .insertInto('asset_tags')
        .values(
          tags.map((tag) => ({
            id: randomUUID(),
            asset_id: assetId,
            name: tag.name,
            confidence: tag.confidence,
          })),
        )
        .execute();
    });
  }

  async tagsOf(assetId: string): Promise<Tag[]> {
    const rows = await this.db
      .selectFrom('asset_tags')
      .select(['name', 'confidence'])
      .where('asset_id', '=', assetId)
      .orderBy('confidence', 'desc')
      .orderBy('name')
      .execute();
    return rows.map((r) => ({ name: r.name, confidence: Number(r.confidence) }));
  }

  async summaries(ownerId: string): Promise<TagSummary[]> {
    const rows = await this.shownTags(ownerId)
      .select((eb) => [
        't.name',
        eb.fn.countAll<number | string>().as('count'),
        // The newest photo with the tag: one short index walk per tag (there are at most 80).
        eb
          .selectFrom('asset_tags as c')
          .innerJoin('assets as ca', 'ca.id', 'c.asset_id')
          .select('ca.id')
          .whereRef('c.name', '=', 't.name')
          .where('ca.owner_id', '=', ownerId)
          .where('ca.is_archived', '=', 0)
          .where('ca.trashed_at', 'is', null)
          .where('ca.is_hidden', '=', 0)
          .orderBy('ca.taken_local', 'desc')
          .orderBy('ca.id', 'desc')
          .limit(1)
          .as('cover_asset_id'),
      ])
      .groupBy('t.name')
      .execute();
    return rows
      .map((r) => ({ name: r.name, count: Number(r.count), coverAssetId: r.cover_asset_id! }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  async hasTag(ownerId: string, name: string): Promise<boolean> {
    const row = await this.shownTags(ownerId)
      .select('t.id')
      .where('t.name', '=', name)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The owner's tags on the assets the timeline shows (not trashed, archived or hidden). */
  private shownTags(ownerId: string) {
    return this.db
      .selectFrom('asset_tags as t')
      .innerJoin('assets as a', 'a.id', 't.asset_id')
      .where('a.owner_id', '=', ownerId)
      .where('a.is_archived', '=', 0)
      .where('a.trashed_at', 'is', null)
      .where('a.is_hidden', '=', 0);
  }
}
