import { AppError } from '../errors.js';
import type { AlbumRepository } from './album-repository.js';
import type { AlbumRole } from './album.js';

/*
 * [Note: Album access]
 * Every album use case starts with `AlbumAccess.orFail(userId, albumId, need)`: the repository's
 * `roleOf` says what the caller is to the album (owner, or editor / viewer from album_users), and
 * `ALLOWED` below says what that role may do. An album the caller may not see answers "not found"
 * (404), never "forbidden", so its existence does not leak; one they see but may not change
 * answers "forbidden". Unsharing or deleting the album removes the row roleOf reads, so access
 * ends with the next request. Photos of an album are readable by its members through the same
 * rows (AlbumRepository.showsToMember). See: [Note: Reading someone else's asset].
 */
export type AlbumNeed =
  | 'view' // the album, its timeline, its photos
  | 'talk' // comment and like
  | 'add' // add one's own photos
  | 'remove-own' // take out what one added
  | 'remove' // take out any photo
  | 'edit' // rename, describe, cover, order
  | 'share'
  | 'delete';

const ALLOWED: Record<AlbumRole, readonly AlbumNeed[]> = {
  owner: ['view', 'talk', 'add', 'remove-own', 'remove', 'edit', 'share', 'delete'],
  editor: ['view', 'talk', 'add', 'remove-own'],
  viewer: ['view', 'talk'],
};

export const roleAllows = (role: AlbumRole, need: AlbumNeed): boolean =>
  ALLOWED[role].includes(need);

export class AlbumAccess {
  constructor(private readonly albums: AlbumRepository) {}

  /** The caller's role, when it allows `need`; "not found" when they may not see the album. */
  async orFail(userId: string, albumId: string, need: AlbumNeed): Promise<AlbumRole> {
    const role = await this.albums.roleOf(userId, albumId);
    if (!role) throw new AppError('ALBUM_NOT_FOUND', 'No such album.');
    if (!roleAllows(role, need))
      throw new AppError('FORBIDDEN', 'Your role in this album does not allow that.');
    return role;
  }
}
