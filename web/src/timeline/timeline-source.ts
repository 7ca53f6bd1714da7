import { api, ok } from '../api/client';
import type { GridItem } from './grid-item';
import { Snapshots, type GridSection, type GridSource } from './grid-source';

// A month is fetched in pages of this many; a month of 20,000 photos takes a few requests.
const PAGE = 2000;
// Months kept in memory; farther ones are let go (their measured height is kept by the view).
const MAX_LOADED = 24;

/** Where a timeline's months come from: the library's own, or an album's (same shapes). */
export interface TimelineEndpoints {
  buckets(): Promise<{ bucket: string; count: number }[]>;
  month(
    bucket: string,
    limit: number,
    cursor?: string,
  ): Promise<{ assets: GridItem[]; nextCursor: string | null }>;
}

const libraryTimeline: TimelineEndpoints = {
  buckets: () => ok(api.GET('/api/timeline/buckets')),
  month: (bucket, limit, cursor) =>
    ok(
      api.GET('/api/timeline/buckets/{bucket}', {
        params: { path: { bucket }, query: { limit, cursor } },
      }),
    ),
};

/** The timeline's months, loaded as the view nears them. See: [Note: Estimated heights]. */
export class TimelineSource implements GridSource {
  private buckets?: { bucket: string; count: number }[];
  private months = new Map<string, readonly GridItem[]>();
  private loading = new Map<string, Promise<readonly GridItem[]>>();
  private lastWanted = new Map<string, number>();
  private wanted: readonly string[] = [];
  private tick = 0;
  private snapshots = new Snapshots({ hasMore: false });

  subscribe = this.snapshots.subscribe;
  snapshot = () => this.snapshots.current;
  loadMore() {}

  constructor(private readonly endpoints: TimelineEndpoints = libraryTimeline) {}

  start(): void {
    void this.fetchBuckets();
  }

  want(keys: readonly string[]): void {
    this.wanted = keys;
    this.tick += 1;
    for (const key of keys) {
      this.lastWanted.set(key, this.tick);
      if (!this.months.has(key)) void this.load(key).catch(() => {});
    }
  }

  refresh(): void {
    // The months in view are fetched again and swapped in when they arrive; the others are
    // dropped, to be fetched when next wanted.
    for (const key of [...this.months.keys()])
      if (!this.wanted.includes(key)) this.months.delete(key);
    void this.fetchBuckets().then(() => {
      for (const key of this.wanted) void this.load(key, true).catch(() => {});
    });
  }

  async neighbour(id: string, step: 1 | -1): Promise<string | null> {
    const key = this.loadedMonthOf(id) ?? (await this.monthOfAsset(id));
    const buckets = this.buckets ?? [];
    let b = buckets.findIndex((x) => x.bucket === key);
    if (b < 0) return null;
    const items = await this.load(key);
    const i = items.findIndex((item) => item.id === id);
    const next = i < 0 ? undefined : items[i + step];
    if (next) return next.id;
    for (b += step; b >= 0 && b < buckets.length; b += step) {
      const month = await this.load(buckets[b]!.bucket);
      const edge = step > 0 ? month[0] : month.at(-1);
      if (edge) return edge.id;
    }
    return null;
  }

  private loadedMonthOf(id: string): string | undefined {
    for (const [key, items] of this.months) if (items.some((item) => item.id === id)) return key;
    return undefined;
  }

  private async monthOfAsset(id: string): Promise<string> {
    const asset = await ok(api.GET('/api/assets/{id}', { params: { path: { id } } }));
    return asset.takenAt.slice(0, 7);
  }

  private async fetchBuckets(): Promise<void> {
    try {
      this.buckets = await this.endpoints.buckets();
      this.publish();
    } catch (e) {
      this.snapshots.set({ error: (e as Error).message });
    }
  }

  private load(key: string, again = false): Promise<readonly GridItem[]> {
    const loaded = this.months.get(key);
    if (loaded && !again) return Promise.resolve(loaded);
    const pending = this.loading.get(key);
    if (pending) return pending;
    const promise = this.fetchMonth(key)
      .then((items) => {
        this.months.set(key, items);
        this.letGoOfFarMonths();
        this.publish();
        return items;
      })
      .catch((e: Error) => {
        this.snapshots.set({ error: `Some photos could not be loaded: ${e.message}` });
        throw e;
      })
      .finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    return promise;
  }

  private async fetchMonth(bucket: string): Promise<GridItem[]> {
    const items: GridItem[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.endpoints.month(bucket, PAGE, cursor);
      items.push(...page.assets);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }

  private letGoOfFarMonths(): void {
    if (this.months.size <= MAX_LOADED) return;
    const byAge = [...this.months.keys()]
      .filter((key) => !this.wanted.includes(key))
      .sort((a, b) => (this.lastWanted.get(a) ?? 0) - (this.lastWanted.get(b) ?? 0));
    for (const key of byAge.slice(0, this.months.size - MAX_LOADED)) this.months.delete(key);
  }

  private publish(): void {
    const sections: GridSection[] = (this.buckets ?? []).map(({ bucket, count }) => ({
      key: bucket,
      count,
      items: this.months.get(bucket),
    }));
    this.snapshots.set({ sections, error: undefined });
  }
}
