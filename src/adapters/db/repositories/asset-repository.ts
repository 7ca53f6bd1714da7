import type { Kysely } from 'kysely';
import type { Asset, AssetMetadata, Playback, Renditions } from '../../../core/assets/asset.js';
import type {
  AssetFlags,
  AssetListQuery,
  AssetRepository,
} from '../../../core/assets/asset-repository.js';
import { monthOf } from '../../../core/media/capture-time.js';
import type { Database } from '../schema.js';
import { toAsset } from './asset-rows.js';
import { linkMotionPartIn } from './live-photo-links.js';
import { afterCursor } from './newest-first.js';
import { countFailedIn, listFailedIdsIn } from './reprocess-rows.js';
import { listSidecarCandidatesIn } from './sidecar-rows.js';
import { chunksOf } from './parameter-chunks.js';

export class KyselyAssetRepository implements AssetRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async getOwned(ownerId: string, id: string): Promise<Asset | undefined> {
    const row = await this.db
      .selectFrom('assets')
      .selectAll()
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .executeTakeFirst();
    return row && toAsset(row);
  }

  async get(id: string): Promise<Asset | undefined> {
    const row = await this.db
      .selectFrom('assets')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toAsset(row);
  }

  async findChecksums(
    ownerId: string,
    checksums: string[],
  ): Promise<{ id: string; checksum: string }[]> {
    if (checksums.length === 0) return [];
    const found: { id: string; checksum: string }[] = [];
    for (const chunk of chunksOf(checksums)) {
      found.push(
        ...(await this.db
          .selectFrom('assets')
          .select(['id', 'checksum'])
          .where('owner_id', '=', ownerId)
          .where('checksum', 'in', chunk)
          .execute()),
      );
    }
    return found;
  }

  async list(ownerId: string, query: AssetListQuery): Promise<Asset[]> {
    let q = this.db
      .selectFrom('assets')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('is_hidden', '=', 0);
    if (query.isFavorite !== undefined) q = q.where('is_favorite', '=', query.isFavorite ? 1 : 0);
    if (query.isArchived !== undefined) q = q.where('is_archived', '=', query.isArchived ? 1 : 0);
    if (query.isTrashed !== undefined)
      q = q.where('trashed_at', query.isTrashed ? 'is not' : 'is', null);
    const after = query.after;
    if (after) {
      q = q.where(afterCursor(after));
    }
    const rows = await q
      .orderBy('taken_local', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit)
      .execute();
    return rows.map(toAsset);
  }

  async setFlags(ownerId: string, id: string, flags: AssetFlags): Promise<Asset | undefined> {
    const values: { is_favorite?: number; is_archived?: number; updated_at: string } = {
      updated_at: now(),
    };
    if (flags.isFavorite !== undefined) values.is_favorite = flags.isFavorite ? 1 : 0;
    if (flags.isArchived !== undefined) values.is_archived = flags.isArchived ? 1 : 0;
    await this.db
      .updateTable('assets')
      .set(values)
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .execute();
    return this.getOwned(ownerId, id);
  }

  async setTrashed(
    ownerId: string,
    id: string,
    trashedAt: string | null,
  ): Promise<Asset | undefined> {
    await this.db
      .updateTable('assets')
      .set({ trashed_at: trashedAt, updated_at: now() })
      .where('id', '=', id)
      .where('owner_id', '=', ownerId)
      .execute();
    return this.getOwned(ownerId, id);
  }

  async listTrashedIds(query: {
    ownerId?: string;
    trashedBefore?: string;
    limit: number;
  }): Promise<string[]> {
    let q = this.db.selectFrom('assets').select('id').where('trashed_at', 'is not', null);
    if (query.ownerId) q = q.where('owner_id', '=', query.ownerId);
    if (query.trashedBefore) q = q.where('trashed_at', '<', query.trashedBefore);
    const rows = await q.orderBy('trashed_at').limit(query.limit).execute();
    return rows.map((r) => r.id);
  }

  async saveMetadata(id: string, m: AssetMetadata): Promise<void> {
    await this.db
      .updateTable('assets')
      .set({
        taken_local: m.takenAt.local,
        taken_offset_minutes: m.takenAt.offsetMinutes,
        taken_source: m.takenAt.source,
        month: monthOf(m.takenAt),
        width: m.width,
        height: m.height,
        latitude: m.latitude,
        longitude: m.longitude,
        make: m.make,
        model: m.model,
        lens_model: m.lensModel,
        f_number: m.fNumber,
        exposure_time: m.exposureTime,
        iso: m.iso,
        focal_length: m.focalLength,
        duration_ms: m.durationMs,
        mime_type: m.mimeType,
        video_codec: m.videoCodec,
        audio_codec: m.audioCodec,
        frame_rate: m.frameRate,
        content_id: m.contentId,
        burst_id: m.burstId,
        description: m.description,
        rating: m.rating,
        keywords: m.keywords.length > 0 ? JSON.stringify(m.keywords) : null,
        place: m.place ? JSON.stringify(m.place) : null,
        updated_at: now(),
      })
      .where('id', '=', id)
      .execute();
  }

  async saveRenditions(
    id: string,
    result: {
      renditions: Renditions | null;
      thumbhash: string | null;
      width?: number;
      height?: number;
    },
  ): Promise<void> {
    await this.db
      .updateTable('assets')
      .set({
        thumbnail_key: result.renditions?.thumbnailKey ?? null,
        preview_key: result.renditions?.previewKey ?? null,
        renditions_version: result.renditions?.version ?? null,
        thumbhash: result.thumbhash,
        // The decoder knows the displayed size for certain; it wins over what the tags claimed.
        ...(result.width && result.height ? { width: result.width, height: result.height } : {}),
        updated_at: now(),
      })
      .where('id', '=', id)
      .execute();
  }

  async savePlayback(id: string, playback: Playback): Promise<void> {
    await this.db
      .updateTable('assets')
      .set({
        playback_status: playback.status,
        playback_key: playback.encodedKey,
        hls_key: playback.hlsKey,
        playback_error: playback.error,
        updated_at: now(),
      })
      .where('id', '=', id)
      .execute();
  }

  listSidecarCandidates(ownerId: string, baseName: string): Promise<Asset[]> {
    return listSidecarCandidatesIn(this.db, ownerId, baseName);
  }

  async markFailed(id: string, reason: string): Promise<void> {
    await this.db
      .updateTable('assets')
      .set({ status: 'failed', error: reason, updated_at: now() })
      .where('id', '=', id)
      .execute();
  }

  async markReady(id: string): Promise<void> {
    await this.db
      .updateTable('assets')
      .set({ status: 'ready', error: null, updated_at: now() })
      .where('id', '=', id)
      .where('status', '=', 'processing')
      .execute();
  }

  listFailedIds(query: { after?: string; limit: number }): Promise<string[]> {
    return listFailedIdsIn(this.db, query);
  }

  countFailed(): Promise<number> {
    return countFailedIn(this.db);
  }

  async findByContentId(ownerId: string, contentId: string): Promise<Asset[]> {
    const rows = await this.db
      .selectFrom('assets')
      .selectAll()
      .where('owner_id', '=', ownerId)
      .where('content_id', '=', contentId)
      .orderBy('uploaded_at')
      .orderBy('id')
      .execute();
    return rows.map(toAsset);
  }

  linkMotionPart(stillId: string, videoId: string): Promise<void> {
    return linkMotionPartIn(this.db, stillId, videoId);
  }

  async unlinkMotionPart(videoId: string): Promise<void> {
    await this.db
      .updateTable('assets')
      .set({ live_photo_video_id: null, updated_at: now() })
      .where('live_photo_video_id', '=', videoId)
      .execute();
  }
}

const now = (): string => new Date().toISOString();
