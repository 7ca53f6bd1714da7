import { createHash } from 'node:crypto';
import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { DuplicateCandidate, DuplicateRepository } from './duplicate-repository.js';
import {
  findNearDuplicates,
  NEAR_DUPLICATE_RULE,
  type DuplicateGroup,
  type NearDuplicateRule,
} from './near-duplicates.js';

export interface DuplicateGroupDetails extends DuplicateGroup {
  assets: DuplicateCandidate[];
}

/** Trashing goes through the library's own path (a Live Photo's motion part goes with it). */
export interface Trash {
  trash(ownerId: string, assetId: string): Promise<unknown>;
}

/** Owners whose last groups are kept, for a repeated read of an unchanged library. */
const CACHED_OWNERS = 8;

/** One person's near-duplicate photos: listed, resolved (the rest trashed) or kept whole. */
export class DuplicatesService {
  /**
   * The last groups per owner, by a digest of the candidates they were made of: grouping 100,000
   * photos takes seconds, and the review page reads the same groups again (resolve finds its group
   * among them). Any change to a candidate (a new fingerprint, a photo trashed, a metadata edit
   * that moves the keeper) changes the digest.
   */
  private readonly cache = new Map<string, { digest: string; groups: DuplicateGroup[] }>();

  constructor(
    private readonly repository: DuplicateRepository,
    private readonly library: Trash,
    private readonly clock: Clock,
    /** The fingerprint version groups are made of (the hasher's). */
    private readonly hashVersion: string,
    private readonly rule: NearDuplicateRule = NEAR_DUPLICATE_RULE,
  ) {}

  /** Worked out on each call from the stored fingerprints. See: [Note: Near-duplicates]. */
  async list(ownerId: string): Promise<DuplicateGroupDetails[]> {
    const [candidates, dismissed] = await Promise.all([
      this.repository.candidates(ownerId, this.hashVersion),
      this.repository.dismissedSets(ownerId),
    ]);
    const kept = dismissed.map((ids) => new Set(ids));
    const byId = new Map(candidates.map((c) => [c.id, c]));
    return this.grouped(ownerId, candidates)
      .filter((group) => !kept.some((set) => group.assetIds.every((id) => set.has(id))))
      .map((group) => ({ ...group, assets: group.assetIds.map((id) => byId.get(id)!) }));
  }

  /** Keeps `keepIds` (members of the group) and moves the other members to the trash. */
  async resolve(ownerId: string, groupId: string, keepIds: readonly string[]) {
    const group = await this.groupOrFail(ownerId, groupId);
    const outside = keepIds.filter((id) => !group.assetIds.includes(id));
    if (outside.length > 0)
      throw new AppError(
        'DUPLICATE_KEEP_OUTSIDE_GROUP',
        `Not in this group: ${outside.join(', ')}.`,
      );
    const trashedIds = group.assetIds.filter((id) => !keepIds.includes(id));
    for (const id of trashedIds) await this.library.trash(ownerId, id);
    return { trashedIds };
  }

  /** "Keep all": the group is not suggested again (unless another copy joins it). */
  async dismiss(ownerId: string, groupId: string): Promise<void> {
    const group = await this.groupOrFail(ownerId, groupId);
    await this.repository.dismiss(
      ownerId,
      group.id,
      group.assetIds,
      this.clock.now().toISOString(),
    );
  }

  private grouped(ownerId: string, candidates: readonly DuplicateCandidate[]): DuplicateGroup[] {
    const digest = createHash('sha256');
    for (const c of candidates)
      digest.update(
        `${c.id} ${c.hash} ${c.layout} ${c.sharpness} ${c.pixels} ${c.metadata} ${c.uploadedAt}\n`,
      );
    const key = digest.digest('hex');
    const cached = this.cache.get(ownerId);
    if (cached?.digest === key) return cached.groups;
    const groups = findNearDuplicates(candidates, this.rule);
    this.cache.delete(ownerId);
    this.cache.set(ownerId, { digest: key, groups });
    if (this.cache.size > CACHED_OWNERS) this.cache.delete(this.cache.keys().next().value!);
    return groups;
  }

  private async groupOrFail(ownerId: string, groupId: string): Promise<DuplicateGroup> {
    const group = (await this.list(ownerId)).find((g) => g.id === groupId);
    if (!group) throw new AppError('DUPLICATE_GROUP_NOT_FOUND', 'No such group of duplicates.');
    return group;
  }
}
