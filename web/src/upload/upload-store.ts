import { isActive, type UploadItem } from './upload-item';

/**
 * The upload panel's list, outside React so the uploader's events can update it from anywhere;
 * components read it with useSyncExternalStore. Progress events arrive many times a second per
 * file, so listeners hear about changes at most every 100 ms.
 */
export class UploadStore {
  private items: UploadItem[] = [];
  private readonly index = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  readonly snapshot = (): readonly UploadItem[] => this.items;

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  get(key: string): UploadItem | undefined {
    const at = this.index.get(key);
    return at === undefined ? undefined : this.items[at];
  }

  add(items: UploadItem[]): void {
    this.items = [...this.items, ...items];
    this.reindex();
    this.changed();
  }

  update(key: string, patch: Partial<UploadItem>): void {
    const at = this.index.get(key);
    if (at === undefined) return;
    const next = [...this.items];
    next[at] = { ...next[at]!, ...patch };
    this.items = next;
    this.changed();
  }

  /** Drops everything that is no longer moving (done, duplicate, failed). */
  clearSettled(): void {
    this.items = this.items.filter(isActive);
    this.reindex();
    this.changed();
  }

  private reindex() {
    this.index.clear();
    this.items.forEach((item, at) => this.index.set(item.key, at));
  }

  private changed() {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      for (const listener of this.listeners) listener();
    }, 100);
  }
}
