import type { AssetReadGrant } from '../assets/asset-read-grants.js';
import type { Principal } from '../auth/auth-service.js';
import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { UserRepository } from '../users/user.js';
import type { PartnerRepository, Partnership } from './partner.js';

/*
 * [Note: Partner sharing]
 * A partner reads the sharer's whole library (assets, thumbnails, originals, videos) and never
 * changes it: `readGrant` is one more grant of [Note: Reading someone else's asset]; writes stay
 * scoped to the owner, so a partner's PATCH or DELETE finds nothing (404). Unsharing deletes the
 * row, and every read asks the table, so the next read is refused at once.
 */
export class PartnersService {
  constructor(
    private readonly partners: PartnerRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  /** Shares my library with the user, read-only; sharing again changes nothing. */
  async share(principal: Principal, userId: string): Promise<Partnership> {
    const user = await this.users.get(userId);
    if (!user || user.id === principal.userId || user.deleteAfter)
      throw new AppError('USER_NOT_FOUND', 'No such user to share with.');
    await this.partners.add({
      id: crypto.randomUUID(),
      ownerId: principal.userId,
      partnerId: user.id,
      createdAt: this.clock.now().toISOString(),
    });
    const shared = (await this.partners.listSharedBy(principal.userId)).find(
      (p) => p.user.id === user.id,
    );
    if (!shared) throw new AppError('PARTNER_NOT_FOUND', 'No such partner.');
    return shared;
  }

  async unshare(principal: Principal, partnerId: string): Promise<void> {
    if (!(await this.partners.remove(principal.userId, partnerId)))
      throw new AppError('PARTNER_NOT_FOUND', 'You do not share your library with this user.');
  }

  async list(
    principal: Principal,
  ): Promise<{ sharedBy: Partnership[]; sharedWith: Partnership[] }> {
    const [sharedBy, sharedWith] = await Promise.all([
      this.partners.listSharedBy(principal.userId),
      this.partners.listSharedWith(principal.userId),
    ]);
    return { sharedBy, sharedWith };
  }

  /** The receiving partner's choice to see `ownerId`'s photos in their own timeline. */
  async setInTimeline(
    principal: Principal,
    ownerId: string,
    inTimeline: boolean,
  ): Promise<Partnership> {
    if (!(await this.partners.setInTimeline(ownerId, principal.userId, inTimeline)))
      throw new AppError('PARTNER_NOT_FOUND', 'This user does not share their library with you.');
    const found = (await this.partners.listSharedWith(principal.userId)).find(
      (p) => p.user.id === ownerId,
    );
    if (!found) throw new AppError('PARTNER_NOT_FOUND', 'No such partner.');
    return found;
  }

  /** See: [Note: Partner sharing]. */
  readonly readGrant: AssetReadGrant = {
    mayRead: (userId, assetId) => this.partners.sharesAsset(userId, assetId),
  };

  /** Whose photos `viewerId` sees in their timeline besides their own. */
  timelineOwners = (viewerId: string): Promise<string[]> => this.partners.timelineOwners(viewerId);
}
