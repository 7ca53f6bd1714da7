import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import { readBucketPage, type TimelinePage } from '../timeline/timeline-service.js';
import type { TimelineBucket } from '../timeline/timeline.js';
import { AlbumAccess, roleAllows } from './album-access.js';
import type { AlbumRepository } from './album-repository.js';
import type { AddResult, Album, AlbumChanges, AlbumView, RemoveResult } from './album.js';

const MAX_NAME = 200;
const MAX_DESCRIPTION = 5000;

/**
 * Albums: named sets of photos, with their own timeline, shared or not. Deleting one keeps the
 * photos. See: [Note: Album access].
 */
export class AlbumsService {
  private readonly access: AlbumAccess;

  constructor(
    private readonly albums: AlbumRepository,
    private readonly clock: Clock,
  ) {
    this.access = new AlbumAccess(albums);
  }

  async create(userId: string, input: { name: string; description?: string }): Promise<AlbumView> {
    const now = this.clock.now().toISOString();
    const id = crypto.randomUUID();
    await this.albums.create({
      id,
      ownerId: userId,
      name: checkedName(input.name),
      description: checkedDescription(input.description ?? ''),
      createdAt: now,
    });
    return { ...this.found(await this.albums.get(id)), role: 'owner' };
  }

  list(userId: string): Promise<AlbumView[]> {
    return this.albums.listFor(userId);
  }

  async getOrFail(userId: string, albumId: string): Promise<AlbumView> {
    const role = await this.access.orFail(userId, albumId, 'view');
    return { ...this.found(await this.albums.get(albumId)), role };
  }

  async update(userId: string, albumId: string, changes: AlbumChanges): Promise<AlbumView> {
    await this.access.orFail(userId, albumId, 'edit');
    const { coverAssetId } = changes;
    if (coverAssetId && !(await this.albums.shows(albumId, coverAssetId)))
      throw new AppError('ALBUM_COVER_NOT_IN_ALBUM', 'The cover must be a photo in the album.');
    await this.albums.update(
      albumId,
      {
        ...changes,
        ...(changes.name !== undefined && { name: checkedName(changes.name) }),
        ...(changes.description !== undefined && {
          description: checkedDescription(changes.description),
        }),
      },
      this.clock.now().toISOString(),
    );
    return { ...this.found(await this.albums.get(albumId)), role: 'owner' };
  }

  /** The album goes; its photos stay in the library (and in any other album). */
  async delete(userId: string, albumId: string): Promise<void> {
    await this.access.orFail(userId, albumId, 'delete');
    await this.albums.delete(albumId);
  }

  /** Only one's own photos may be added (by the owner or an editor); each id answers for itself. */
  async addAssets(
    userId: string,
    albumId: string,
    ids: readonly string[],
  ): Promise<{ id: string; result: AddResult }[]> {
    await this.access.orFail(userId, albumId, 'add');
    const unique = [...new Set(ids)];
    const addable = await this.albums.addableAssetIds(userId, unique);
    const added = await this.albums.addAssets(
      albumId,
      unique.filter((id) => addable.has(id)),
      userId,
      this.clock.now().toISOString(),
    );
    return unique.map((id) => ({
      id,
      result: added.has(id) ? 'added' : addable.has(id) ? 'already-there' : 'not-allowed',
    }));
  }

  /** The owner takes out any photo; an editor only those they added (others: `not-allowed`). */
  async removeAssets(
    userId: string,
    albumId: string,
    ids: readonly string[],
  ): Promise<{ id: string; result: RemoveResult }[]> {
    const role = await this.access.orFail(userId, albumId, 'remove-own');
    const onlyAddedBy = roleAllows(role, 'remove') ? undefined : userId;
    const unique = [...new Set(ids)];
    const now = this.clock.now().toISOString();
    const removed = await this.albums.removeAssets(albumId, unique, now, onlyAddedBy);
    const kept = onlyAddedBy
      ? await this.albums.memberAssetIds(
          albumId,
          unique.filter((id) => !removed.has(id)),
        )
      : new Set<string>();
    return unique.map((id) => ({
      id,
      result: removed.has(id) ? 'removed' : kept.has(id) ? 'not-allowed' : 'not-there',
    }));
  }

  async buckets(userId: string, albumId: string): Promise<TimelineBucket[]> {
    const album = await this.getOrFail(userId, albumId);
    return this.albums.buckets(albumId, album.sortOrder);
  }

  async bucket(
    userId: string,
    albumId: string,
    bucket: string,
    limit: number,
    cursor?: string,
  ): Promise<TimelinePage> {
    const album = await this.getOrFail(userId, albumId);
    return readBucketPage(bucket, limit, cursor, (size, after) =>
      this.albums.bucketPage(albumId, album.sortOrder, bucket, size, after, userId),
    );
  }

  private found(album: Album | undefined): Album {
    if (!album) throw new AppError('ALBUM_NOT_FOUND', 'No such album.');
    return album;
  }
}

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed || trimmed.length > MAX_NAME)
    throw new AppError('VALIDATION_FAILED', `An album name has 1 to ${MAX_NAME} characters.`);
  return trimmed;
}

function checkedDescription(description: string): string {
  if (description.length > MAX_DESCRIPTION)
    throw new AppError(
      'VALIDATION_FAILED',
      `An album description has at most ${MAX_DESCRIPTION} characters.`,
    );
  return description.trim();
}
