import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Asset } from '../../../core/assets/asset.js';
import type { EmbeddingRepository } from '../../../core/search/embedding-repository.js';
import type { KeyedVector, StoredVectors } from '../../../core/search/vector-index.js';
import type { Database } from '../schema.js';
import { toAsset } from './asset-rows.js';
import { chunksOf } from './parameter-chunks.js';
import { isUniqueViolation } from './unique-violation.js';
import { vectorFromColumn, vectorToColumn } from './vector-column.js';

/** Two workers (scale-out) may take the same next key: the later one tries again. */
const KEY_TRIES = 5;

/** See: [Note: One vector index per process]. */
export class KyselyEmbeddingRepository implements EmbeddingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async save(assetId: string, model: string, vector: Float32Array): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.db.transaction().execute(async (trx) => {
          await trx.deleteFrom('asset_embeddings').where('asset_id', '=', assetId).execute();
          const { maxKey } = await trx
            .selectFrom('asset_embeddings')
            .select((eb) => eb.fn.max('key').as('maxKey'))
            .executeTakeFirstOrThrow();
          await trx
            .insertInto('asset_embeddings')
            .values({
              id: randomUUID(),
              asset_id: assetId,
              key: Number(maxKey ?? 0) + 1,
              model,
              vector: vectorToColumn(vector),
              created_at: new Date().toISOString(),
            })
            .execute();
        });
        return;
      } catch (error) {
        if (!isUniqueViolation(error) || attempt === KEY_TRIES) throw error;
      }
    }
  }

  async assetsOfKeys(keys: readonly number[]): Promise<{ key: number; asset: Asset }[]> {
    const found: { key: number; asset: Asset }[] = [];
    for (const chunk of chunksOf(keys)) {
      const rows = await this.db
        .selectFrom('asset_embeddings as e')
        .innerJoin('assets', 'assets.id', 'e.asset_id')
        .selectAll('assets')
        .select('e.key as embedding_key')
        .where('e.key', 'in', chunk)
        .execute();
      for (const { embedding_key, ...asset } of rows)
        found.push({ key: Number(embedding_key), asset: toAsset(asset) });
    }
    return found;
  }

  storedVectors(model: string): StoredVectors {
    const db = this.db;
    return {
      async summary() {
        const row = await db
          .selectFrom('asset_embeddings')
          .select((eb) => [eb.fn.countAll().as('count'), eb.fn.max('key').as('maxKey')])
          .where('model', '=', model)
          .executeTakeFirstOrThrow();
        return { count: Number(row.count), maxKey: Number(row.maxKey ?? 0) };
      },
      async after(key: number, limit: number): Promise<KeyedVector[]> {
        const rows = await db
          .selectFrom('asset_embeddings')
          .select(['key', 'vector'])
          .where('model', '=', model)
          .where('key', '>', key)
          .orderBy('key')
          .limit(limit)
          .execute();
        return rows.map((row) => ({ key: Number(row.key), vector: vectorFromColumn(row.vector) }));
      },
    };
  }
}
