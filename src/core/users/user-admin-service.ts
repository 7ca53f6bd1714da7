import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import { validatePassword, validEmail, validName } from './users-service.js';
import type { PasswordHasher, StorageUsage, User, UserChanges, UserRepository } from './user.js';

export interface UserEdit {
  name?: string;
  email?: string;
  isAdmin?: boolean;
  /** Null: no limit. */
  quotaBytes?: number | null;
  disabled?: boolean;
}

export interface UserAdminOptions {
  /** Days a deleted user can still be restored before their data goes. */
  deleteGraceDays: number;
}

/** What deleting a user needs from elsewhere: ending sessions, and the purge path for assets. */
export interface UserAdminCollaborators {
  endSessionsOf(userId: string): Promise<void>;
  revokeApiKeysOf(userId: string): Promise<void>;
  /** Purges the owner's trash for good (originals shared with others stay). */
  emptyTrash(ownerId: string): Promise<number>;
}

/**
 * An administrator's work on accounts: edit, disable, reset a password, delete (after a grace
 * period, restorable until then). There is always one enabled admin left.
 */
export class UserAdminService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly collaborators: UserAdminCollaborators,
    private readonly clock: Clock,
    private readonly options: UserAdminOptions,
  ) {}

  async listWithStorage(): Promise<(User & { storage: StorageUsage })[]> {
    const [users, storage] = await Promise.all([this.users.list(), this.users.storageByUser()]);
    return users.map((u) => ({
      ...u,
      storage: storage.get(u.id) ?? { usedBytes: 0, assetCount: 0 },
    }));
  }

  storageOf(id: string): Promise<StorageUsage> {
    return this.users.storageOf(id);
  }

  async update(id: string, edit: UserEdit): Promise<User> {
    const user = await this.getOrFail(id);
    if (edit.isAdmin === false || edit.disabled === true) await this.keepAnAdmin(user);
    if (edit.quotaBytes != null && (!Number.isSafeInteger(edit.quotaBytes) || edit.quotaBytes < 0))
      throw new AppError('VALIDATION_FAILED', 'quotaBytes must be a whole number of bytes ≥ 0.');
    const changes: UserChanges = {
      name: edit.name === undefined ? undefined : validName(edit.name),
      email: edit.email === undefined ? undefined : validEmail(edit.email),
      isAdmin: edit.isAdmin,
      quotaBytes: edit.quotaBytes,
    };
    if (edit.disabled !== undefined && edit.disabled !== Boolean(user.disabledAt))
      changes.disabledAt = edit.disabled ? this.clock.now().toISOString() : null;
    // Enabling a user deleted earlier is restoring them.
    if (edit.disabled === false) changes.deleteAfter = null;
    const updated = await this.users.update(id, changes);
    if (edit.disabled) await this.collaborators.endSessionsOf(id);
    return updated ?? this.getOrFail(id);
  }

  /**
   * Sets a new password and ends the user's sessions; their API keys are revoked too unless the
   * admin keeps them (a reset usually means the account was, or may have been, taken over).
   */
  async resetPassword(id: string, password: string, { revokeApiKeys = true } = {}): Promise<void> {
    await this.getOrFail(id);
    validatePassword(password);
    await this.users.setPasswordHash(id, await this.hasher.hash(password));
    await this.collaborators.endSessionsOf(id);
    if (revokeApiKeys) await this.collaborators.revokeApiKeysOf(id);
  }

  /** Days between deleting a user and their data going (the admin page says it before asking). */
  deletionGraceDays(): number {
    return this.options.deleteGraceDays;
  }

  /** Disables the user now; their data goes after the grace period unless restored. */
  async scheduleDeletion(id: string): Promise<User> {
    const user = await this.getOrFail(id);
    await this.keepAnAdmin(user);
    const now = this.clock.now();
    const deleteAfter = new Date(now.getTime() + this.options.deleteGraceDays * 86_400_000);
    const updated = await this.users.update(id, {
      disabledAt: user.disabledAt ?? now.toISOString(),
      // Deleting again does not put the date off.
      deleteAfter: user.deleteAfter ?? deleteAfter.toISOString(),
    });
    await this.collaborators.endSessionsOf(id);
    return updated ?? this.getOrFail(id);
  }

  /** Cancels a scheduled deletion and enables the user again. */
  async restore(id: string): Promise<User> {
    const user = await this.getOrFail(id);
    if (!user.deleteAfter) return user;
    return (await this.users.update(id, { disabledAt: null, deleteAfter: null })) ?? user;
  }

  /**
   * Deletes the users whose grace period is over: their assets through the purge path (an
   * original another user also has stays; see [Note: Content locks]), then the row.
   */
  async purgeDue(): Promise<number> {
    const now = this.clock.now().toISOString();
    const due = await this.users.listDueForDeletion(now);
    for (const id of due) {
      await this.users.trashAllAssets(id, now);
      await this.collaborators.emptyTrash(id);
      await this.users.delete(id);
    }
    return due.length;
  }

  private async getOrFail(id: string): Promise<User> {
    const user = await this.users.get(id);
    if (!user) throw new AppError('USER_NOT_FOUND', 'No such user.');
    return user;
  }

  private async keepAnAdmin(user: User): Promise<void> {
    if (user.isAdmin && !user.disabledAt && (await this.users.countActiveAdmins()) <= 1)
      throw new AppError(
        'LAST_ADMIN',
        'This is the last administrator: make another user admin first.',
      );
  }
}
