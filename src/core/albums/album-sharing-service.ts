import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import { AlbumAccess } from './album-access.js';
import type { AlbumRepository } from './album-repository.js';
import type { AlbumMember, SharedRole } from './album.js';

/** Sharing an album with other users of the server. See: [Note: Album access]. */
export class AlbumSharingService {
  private readonly access: AlbumAccess;

  constructor(
    private readonly albums: AlbumRepository,
    private readonly clock: Clock,
  ) {
    this.access = new AlbumAccess(albums);
  }

  async members(userId: string, albumId: string): Promise<AlbumMember[]> {
    await this.access.orFail(userId, albumId, 'view');
    return this.albums.members(albumId);
  }

  /** The owner names everyone the album is shared with; whoever is left out loses it at once. */
  async share(
    userId: string,
    albumId: string,
    users: readonly { userId: string; role: SharedRole }[],
  ): Promise<AlbumMember[]> {
    await this.access.orFail(userId, albumId, 'share');
    const byUser = new Map(users.map((u) => [u.userId, u.role]));
    byUser.delete(userId); // the owner is the owner, not also a member
    const known = await this.albums.knownUserIds([...byUser.keys()]);
    const unknown = [...byUser.keys()].filter((id) => !known.has(id));
    if (unknown.length > 0)
      throw new AppError('ALBUM_SHARE_UNKNOWN_USERS', `No such users: ${unknown.join(', ')}.`);
    await this.albums.setMembers(
      albumId,
      [...byUser].map(([memberId, role]) => ({ userId: memberId, role })),
      this.clock.now().toISOString(),
    );
    return this.albums.members(albumId);
  }

  /** The owner takes someone off the album, or a member leaves it. */
  async unshare(userId: string, albumId: string, memberId: string): Promise<void> {
    const role = await this.access.orFail(userId, albumId, 'view');
    if (memberId !== userId || role === 'owner') await this.access.orFail(userId, albumId, 'share');
    await this.albums.removeMember(albumId, memberId);
  }
}
