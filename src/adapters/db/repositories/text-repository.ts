import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { TextRepository } from '../../../core/text/texts.js';
import type { ReadText, ReadWord } from '../../../core/vision/vision-ports.js';
import type { Database } from '../schema.js';

/** See: [Note: Text in photos]. */
export class KyselyTextRepository implements TextRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async saveText(assetId: string, read: ReadText): Promise<void> {
    const values = { text: read.text, words: JSON.stringify(read.words) };
    await this.db
      .insertInto('asset_texts')
      .values({
        id: randomUUID(),
        asset_id: assetId,
        ...values,
        created_at: new Date().toISOString(),
      })
      .onConflict((oc) => oc.column('asset_id').doUpdateSet(values))
      .execute();
  }

  async textOf(assetId: string): Promise<ReadText | undefined> {
    const row = await this.db
      .selectFrom('asset_texts')
      .select(['text', 'words'])
      .where('asset_id', '=', assetId)
      .executeTakeFirst();
    return row && { text: row.text, words: JSON.parse(row.words) as ReadWord[] };
  }
}
