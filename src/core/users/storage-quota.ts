import { AppError } from '../errors.js';
import type { UserRepository } from './user.js';

/**
 * Per-user storage quotas, counted per owner: a photo two people keep counts for both, though
 * its bytes are stored once. Uploading one's own photo again adds nothing, so it is never refused.
 * Two uploads accepted at the same instant may together pass the quota by one file; the next is
 * refused.
 */
export class StorageQuota {
  constructor(private readonly users: UserRepository) {}

  /** Throws QUOTA_EXCEEDED when `bytes` more (content `checksum`, when known) would not fit. */
  async assertRoom(ownerId: string, bytes: number, checksum?: string): Promise<void> {
    const user = await this.users.get(ownerId);
    if (!user || user.quotaBytes === null) return;
    if (checksum && (await this.users.ownsContent(ownerId, checksum))) return;
    const { usedBytes } = await this.users.storageOf(ownerId);
    if (usedBytes + bytes > user.quotaBytes) {
      throw new AppError(
        'QUOTA_EXCEEDED',
        `This file (${formatBytes(bytes)}) does not fit in your storage quota: ` +
          `${formatBytes(usedBytes)} of ${formatBytes(user.quotaBytes)} used.`,
      );
    }
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
