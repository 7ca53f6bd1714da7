import type { Asset } from '../assets/asset.js';
import { AppError } from '../errors.js';
import type { TimelineBucket, TimelineRepository } from '../timeline/timeline.js';
import { readBucketPage, type TimelinePage } from '../timeline/timeline-service.js';
import type { DetectedObject } from '../vision/vision-ports.js';
import { tagsFromObjects, type Tag, type TagRepository, type TagSummary } from './tags.js';

/**
 * What an owner's photos show, as tags, and a timeline per tag (the library's timeline narrowed
 * to it). See: [Note: Tags].
 */
export class TagsService {
  constructor(
    private readonly tags: TagRepository,
    private readonly timeline: TimelineRepository,
  ) {}

  /** The asset's tags become the things found in it, one per name (the objects step). */
  record(assetId: string, found: readonly DetectedObject[]): Promise<void> {
    return this.tags.replaceTags(assetId, tagsFromObjects(found));
  }

  list(ownerId: string): Promise<TagSummary[]> {
    return this.tags.summaries(ownerId);
  }

  /** An asset's tags as `viewerId` sees them: the owner all, anyone else (album, partner) none. */
  async ofAsset(viewerId: string, asset: Pick<Asset, 'id' | 'ownerId'>): Promise<Tag[]> {
    return asset.ownerId === viewerId ? this.tags.tagsOf(asset.id) : [];
  }

  async buckets(ownerId: string, name: string): Promise<TimelineBucket[]> {
    await this.existingOrFail(ownerId, name);
    return this.timeline.buckets([ownerId], { tag: name });
  }

  async bucket(
    ownerId: string,
    name: string,
    bucket: string,
    limit: number,
    cursor?: string,
  ): Promise<TimelinePage> {
    await this.existingOrFail(ownerId, name);
    return readBucketPage(bucket, limit, cursor, (size, after) =>
      this.timeline.bucketPage([ownerId], bucket, size, after, { tag: name }),
    );
  }

  /** A tag none of the owner's shown photos has is not there (as someone else's album is not). */
  private async existingOrFail(ownerId: string, name: string): Promise<void> {
    if (!(await this.tags.hasTag(ownerId, name)))
      throw new AppError('TAG_NOT_FOUND', 'No photo of yours has this tag.');
  }
}
