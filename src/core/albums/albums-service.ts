import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import { readBucketPage, type TimelinePage } from '../timeline/timeline-service.js';
import type { TimelineBucket } from '../timeline/timeline.js';
import type { AlbumRepository } from './album-repository.js';
import type { AddResult, Album, AlbumChanges, AlbumRole, RemoveResult } from './album.js';

/*
 * [Note: Album access]
 * Every album use case starts with `accessOrFail(userId, albumId, need)`: the repository's
 * `roleOf` says what the caller is to the album, and `ALLOWED` says what that role may do. An
 * album the caller may not see answers "not found" (404), never "forbidden", so its existence
 * does not leak; one they see but may not change answers "forbidden". Sharing adds roles here (viewer: view; editor: view, add own photos) and rows
 * to roleOf's query; no use case changes.
 */
type Need = 'view' | 'edit' | 'add' | 'delete';
const ALLOWED: Record<AlbumRole, readonly Need[]> = {
  owner: ['view', 'edit', 'add', 'delete'],
};

const MAX_NAME = 200;
const MAX_DESCRIPTION = 5000;

/** Albums: named sets of one's photos, with their own timeline. Deleting one keeps the photos. */
export class AlbumsService {
  constructor(
    private readonly albums: AlbumRepository,
    private readonly clock: Clock,
  ) {}

  async create(userId: string, input: { name: string; description?: string }): Promise<Album> {
    const now = this.clock.now().toISOString();
    const id = crypto.randomUUID();
    await this.albums.create({
      id,
      ownerId: userId,
      name: checkedName(input.name),
      description: checkedDescription(input.description ?? ''),
      createdAt: now,
    });
    return this.found(await this.albums.get(id));
  }

  list(userId: string): Promise<Album[]> {
    return this.albums.listFor(userId);
  }

  async getOrFail(userId: string, albumId: string): Promise<Album> {
    await this.accessOrFail(userId, albumId, 'view');
    return this.found(await this.albums.get(albumId));
  }

  async update(userId: string, albumId: string, changes: AlbumChanges): Promise<Album> {
    await this.accessOrFail(userId, albumId, 'edit');
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
    return this.found(await this.albums.get(albumId));
  }

  /** The album goes; its photos stay in the library (and in any other album). */
  async delete(userId: string, albumId: string): Promise<void> {
    await this.accessOrFail(userId, albumId, 'delete');
    await this.albums.delete(albumId);
  }

  /** Only one's own photos may be added; each id answers for itself. */
  async addAssets(
    userId: string,
    albumId: string,
    ids: readonly string[],
  ): Promise<{ id: string; result: AddResult }[]> {
    await this.accessOrFail(userId, albumId, 'add');
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

  async removeAssets(
    userId: string,
    albumId: string,
    ids: readonly string[],
  ): Promise<{ id: string; result: RemoveResult }[]> {
    await this.accessOrFail(userId, albumId, 'edit');
    const unique = [...new Set(ids)];
    const removed = await this.albums.removeAssets(albumId, unique, this.clock.now().toISOString());
    return unique.map((id) => ({ id, result: removed.has(id) ? 'removed' : 'not-there' }));
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
      this.albums.bucketPage(albumId, album.sortOrder, bucket, size, after),
    );
  }

  /** See: [Note: Album access]. */
  private async accessOrFail(userId: string, albumId: string, need: Need): Promise<AlbumRole> {
    const role = await this.albums.roleOf(userId, albumId);
    if (!role) throw new AppError('ALBUM_NOT_FOUND', 'No such album.');
    if (!ALLOWED[role].includes(need))
      throw new AppError('FORBIDDEN', 'Your role in this album does not allow that.');
    return role;
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
