import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import { AlbumAccess } from './album-access.js';
import type { ActivityCursor, AlbumActivity, AlbumActivityRepository } from './album-activity.js';
import type { AlbumRepository } from './album-repository.js';

const MAX_COMMENT = 2000;

export interface ActivityPage {
  items: AlbumActivity[];
  nextCursor: string | null;
}

/** Comments and likes on an album and its photos, by any member (viewers too). */
export class AlbumActivityService {
  private readonly access: AlbumAccess;

  constructor(
    private readonly albums: AlbumRepository,
    private readonly activity: AlbumActivityRepository,
    private readonly clock: Clock,
  ) {
    this.access = new AlbumAccess(albums);
  }

  /**
   * Newest first; `cursor` is the previous page's nextCursor. With `assetId`, only the comments
   * and likes about that photo (the viewer shows them beside it).
   */
  async list(
    userId: string,
    albumId: string,
    limit: number,
    cursor?: string,
    assetId?: string,
  ): Promise<ActivityPage> {
    await this.access.orFail(userId, albumId, 'view');
    const items = await this.activity.list(albumId, {
      limit: limit + 1,
      after: cursor ? decode(cursor) : undefined,
      assetId,
    });
    const page = items.slice(0, limit);
    const last = page.at(-1);
    return { items: page, nextCursor: items.length > limit && last ? encode(last) : null };
  }

  async comment(
    userId: string,
    albumId: string,
    text: string,
    assetId: string | null,
  ): Promise<AlbumActivity> {
    await this.access.orFail(userId, albumId, 'talk');
    const trimmed = text.trim();
    if (!trimmed || trimmed.length > MAX_COMMENT)
      throw new AppError('VALIDATION_FAILED', `A comment has 1 to ${MAX_COMMENT} characters.`);
    await this.checkShown(albumId, assetId);
    const id = crypto.randomUUID();
    const createdAt = this.clock.now().toISOString();
    await this.activity.add({
      id,
      albumId,
      userId,
      assetId,
      kind: 'comment',
      text: trimmed,
      createdAt,
    });
    const added = await this.activity.get(id);
    if (!added) throw new AppError('ALBUM_NOT_FOUND', 'No such album.'); // deleted meanwhile
    return added;
  }

  /** Liking twice is liking once. */
  async like(userId: string, albumId: string, assetId: string | null): Promise<void> {
    await this.access.orFail(userId, albumId, 'talk');
    await this.checkShown(albumId, assetId);
    await this.activity.add({
      id: crypto.randomUUID(),
      albumId,
      userId,
      assetId,
      kind: 'like',
      text: null,
      createdAt: this.clock.now().toISOString(),
    });
  }

  async unlike(userId: string, albumId: string, assetId: string | null): Promise<void> {
    await this.access.orFail(userId, albumId, 'talk');
    await this.activity.removeLike(albumId, userId, assetId);
  }

  private async checkShown(albumId: string, assetId: string | null): Promise<void> {
    if (assetId && !(await this.albums.shows(albumId, assetId)))
      throw new AppError('ASSET_NOT_FOUND', 'No such photo in this album.');
  }
}

const encode = (item: AlbumActivity) =>
  Buffer.from(JSON.stringify([item.createdAt, item.id])).toString('base64url');

function decode(cursor: string): ActivityCursor {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof createdAt === 'string' && typeof id === 'string') return { createdAt, id };
  } catch {
    // answered below
  }
  throw new AppError('VALIDATION_FAILED', 'The cursor is not valid.');
}
