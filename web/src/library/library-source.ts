import { api, ok } from '../api/client';
import { gridItemOf, monthOf, type GridItem } from '../timeline/grid-item';
import { Snapshots, type GridSection, type GridSource } from '../timeline/grid-source';

export type LibraryFilter = 'isFavorite' | 'isArchived' | 'isTrashed';

type FilterQuery = Partial<Record<LibraryFilter, boolean>>;

const PAGE = 200;
const MAX_PAGE = 1000;

/** A filtered listing (favorites, archive, trash), fetched page by page as the view nears its end. */
export class LibrarySource implements GridSource {
  private items: GridItem[] = [];
  private cursor: string | null = null;
  private pending?: Promise<void>;
  private snapshots = new Snapshots({ hasMore: false });

  subscribe = this.snapshots.subscribe;
  snapshot = () => this.snapshots.current;
  want() {}

  constructor(private readonly filter: LibraryFilter) {}

  start(): void {
    void this.fetch(PAGE, undefined, true);
  }

  loadMore(): void {
    if (this.cursor && !this.pending) void this.fetch(PAGE, this.cursor, false);
  }

  refresh(): void {
    // Fetch again as much as was shown, so the view does not shrink back to one page.
    void this.fetch(Math.min(MAX_PAGE, Math.max(PAGE, this.items.length)), undefined, true);
  }

  async neighbour(id: string, step: 1 | -1): Promise<string | null> {
    let i = this.items.findIndex((item) => item.id === id);
    while (i >= 0 && step > 0 && i + 1 >= this.items.length && this.cursor) {
      await (this.pending ?? this.fetch(PAGE, this.cursor, false));
      i = this.items.findIndex((item) => item.id === id);
    }
    return i < 0 ? null : (this.items[i + step]?.id ?? null);
  }

  private fetch(limit: number, cursor: string | undefined, replace: boolean): Promise<void> {
    const request = ok(
      api.GET('/api/assets', {
        params: { query: { ...({ [this.filter]: true } as FilterQuery), limit, cursor } },
      }),
    )
      .then((page) => {
        const items = page.assets.map(gridItemOf);
        this.items = replace ? items : [...this.items, ...items];
        this.cursor = page.nextCursor;
        this.snapshots.set({
          sections: sectionsOf(this.items),
          hasMore: this.cursor !== null,
          error: undefined,
        });
      })
      .catch((e: Error) => this.snapshots.set({ error: e.message }))
      .finally(() => {
        if (this.pending === request) this.pending = undefined;
      });
    this.pending = request;
    return request;
  }
}

/** The listing, newest first, cut into months. */
export function sectionsOf(items: readonly GridItem[]): GridSection[] {
  const sections: (GridSection & { items: GridItem[] })[] = [];
  for (const item of items) {
    const key = monthOf(item);
    const last = sections.at(-1);
    if (last?.key === key) {
      last.items.push(item);
      last.count += 1;
    } else sections.push({ key, count: 1, items: [item] });
  }
  return sections;
}
