import { AppError } from '../errors.js';
import type {
  TimelineBucket,
  TimelineCursor,
  TimelineItem,
  TimelineRepository,
} from './timeline.js';

export const MAX_PAGE_SIZE = 5000;

export interface TimelinePage {
  bucket: string;
  items: TimelineItem[];
  /** Pass back as `cursor` to get the next page; null on the last page. */
  nextCursor: string | null;
}

/**
 * The timeline: visible assets (not archived, not trashed) by local capture month. A month is
 * served in pages so that a month of 100,000 photos answers as fast as a month of ten.
 */
export class TimelineService {
  constructor(
    private readonly timeline: TimelineRepository,
    /** Owners whose photos the viewer chose to see besides their own (partners). */
    private readonly alsoShown: (viewerId: string) => Promise<string[]> = async () => [],
  ) {}

  async buckets(viewerId: string): Promise<TimelineBucket[]> {
    return this.timeline.buckets(await this.ownersFor(viewerId));
  }

  async bucket(
    viewerId: string,
    bucket: string,
    limit: number,
    cursor?: string,
  ): Promise<TimelinePage> {
    const owners = await this.ownersFor(viewerId);
    return readBucketPage(bucket, limit, cursor, (size, after) =>
      this.timeline.bucketPage(owners, bucket, size, after),
    );
  }

  private async ownersFor(viewerId: string): Promise<string[]> {
    return [viewerId, ...(await this.alsoShown(viewerId))];
  }
}

/** One page of a month, for any timeline (the library's, an album's): checks, cursor, next. */
export async function readBucketPage(
  bucket: string,
  limit: number,
  cursor: string | undefined,
  read: (size: number, after?: TimelineCursor) => Promise<TimelineItem[]>,
): Promise<TimelinePage> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(bucket)) {
    throw new AppError('VALIDATION_FAILED', 'A bucket is a month written YYYY-MM.');
  }
  const size = Math.min(Math.max(1, limit), MAX_PAGE_SIZE);
  const items = await read(size + 1, decodeCursor(cursor));
  const page = items.slice(0, size);
  const last = page.at(-1);
  return {
    bucket,
    items: page,
    nextCursor: items.length > size && last ? encodeCursor(last) : null,
  };
}

export const encodeCursor = (item: { local: string; id: string }): string =>
  Buffer.from(`${item.local}|${item.id}`).toString('base64url');

export function decodeCursor(
  cursor: string | undefined,
): { local: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [local, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!local || !id) throw new AppError('VALIDATION_FAILED', 'The cursor is not valid.');
  return { local, id };
}
