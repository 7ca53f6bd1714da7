import { api, ok } from '../api/client';
import { emitAssetsChanged } from '../app/events';
import { acceptsFile } from './accept';
import { fetchChecksum } from './checksum';
import { isActive, type UploadItem } from './upload-item';
import { ProcessingWatch, type ProcessingOutcome } from './processing-watch';
import type { UploadStore } from './upload-store';
import type { Uploader, UploadResult } from './tus-uploader';

/** Files are checked against the library this many at a time, so uploads start early. */
const CHECK_GROUP = 20;

/**
 * Takes picked or dropped files through the upload: hash → ask the server which it already has
 * (those are reported, not sent) → tus upload → watch processing until ready.
 */
export class UploadSession {
  private readonly files = new Map<string, File>();
  private readonly toCheck: string[] = [];
  private checking = false;
  private uploader: Promise<Uploader> | undefined;
  private nextKey = 0;
  private readonly watch = new ProcessingWatch((key, outcome) => this.processed(key, outcome));

  constructor(private readonly store: UploadStore) {}

  addFiles(files: Iterable<File>): void {
    const items: UploadItem[] = [];
    const picked: [key: string, file: File][] = [];
    for (const file of files) {
      const key = `upload-${(this.nextKey += 1)}`;
      items.push({ key, name: file.name, size: file.size, bytesSent: 0, status: 'checking' });
      picked.push([key, file]);
    }
    if (items.length === 0) return;
    this.store.add(items);
    // Loads Uppy now, while the first files are looked at and hashed.
    void this.loadUploader().catch(() => {});
    void this.admit(picked);
  }

  /**
   * Files that look like photos or videos go on to be checked, the first while the rest are
   * looked at. See: [Note: Which files the upload sends] in accept.ts.
   */
  private async admit(picked: [key: string, file: File][]): Promise<void> {
    for (const [key, file] of picked) {
      if (!(await acceptsFile(file))) {
        this.fail(key, 'Not a photo or video.', false);
        continue;
      }
      this.files.set(key, file);
      this.toCheck.push(key);
      void this.checkQueued();
    }
  }

  retry(key: string): void {
    const item = this.store.get(key);
    if (item?.status !== 'failed' || !item.retryable) return;
    this.store.update(key, { status: 'uploading', message: undefined, bytesSent: 0 });
    this.loadUploader().then(
      (uploader) => {
        if (uploader.retry(key)) return;
        // It never reached the uploader (it could not be read or checked): start again.
        this.store.update(key, { status: 'checking' });
        this.toCheck.push(key);
        void this.checkQueued();
      },
      () => this.fail(key, 'The uploader could not be loaded. Check your connection.', true),
    );
  }

  clearSettled(): void {
    for (const item of this.store.snapshot()) if (!isActive(item)) this.files.delete(item.key);
    this.store.clearSettled();
  }

  private loadUploader(): Promise<Uploader> {
    this.uploader ??= import('./tus-uploader')
      .then(({ createTusUploader }) =>
        createTusUploader({
          progress: (key, bytesSent) => this.store.update(key, { status: 'uploading', bytesSent }),
          success: (key, result) => this.uploaded(key, result),
          error: (key, message, retryable) =>
            this.store.update(key, { status: 'failed', message, retryable }),
        }),
      )
      .catch((error: unknown) => {
        this.uploader = undefined; // a later try loads it again (the network came back)
        throw error;
      });
    return this.uploader;
  }

  private async checkQueued(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      while (this.toCheck.length > 0) await this.checkGroup(this.toCheck.splice(0, CHECK_GROUP));
    } finally {
      this.checking = false;
    }
  }

  private async checkGroup(keys: string[]): Promise<void> {
    const checksums = new Map<string, string>(); // key → checksum
    for (const key of keys) {
      try {
        const checksum = await fetchChecksum(this.files.get(key)!);
        if (checksum) checksums.set(key, checksum);
      } catch {
        this.fail(key, 'The file could not be read. Is it still there?', true);
      }
    }
    const existing = await this.fetchExisting([...checksums.values()]);
    await Promise.all(
      keys.map(async (key) => {
        if (this.store.get(key)?.status !== 'checking') return;
        const assetId = existing.get(checksums.get(key) ?? '');
        if (assetId) await this.skipDuplicate(key, assetId);
        else await this.send(key);
      }),
    );
  }

  /** checksum → asset id, for those the library already holds; none when the server cannot say. */
  private async fetchExisting(checksums: string[]): Promise<Map<string, string>> {
    if (checksums.length === 0) return new Map();
    try {
      const { existing } = await ok(api.POST('/api/assets/exist', { body: { checksums } }));
      return new Map(existing.map((e) => [e.checksum.toLowerCase(), e.id]));
    } catch {
      return new Map(); // the server dedupes on arrival anyway
    }
  }

  /** A photo in the trash is brought back, as uploading it again would. */
  private async skipDuplicate(key: string, assetId: string): Promise<void> {
    this.files.delete(key);
    let message: string | undefined;
    try {
      const asset = await ok(api.GET('/api/assets/{id}', { params: { path: { id: assetId } } }));
      if (asset.isTrashed) {
        await ok(api.POST('/api/assets/{id}/restore', { params: { path: { id: assetId } } }));
        message = 'Restored from the trash';
        emitAssetsChanged();
      }
    } catch {
      // It is there; whether it was trashed matters less than reporting the duplicate.
    }
    this.store.update(key, { status: 'duplicate', assetId, message });
  }

  private async send(key: string): Promise<void> {
    const file = this.files.get(key)!;
    this.store.update(key, { status: 'uploading' });
    try {
      (await this.loadUploader()).upload(key, file);
    } catch (error) {
      // The same file picked twice in a row (see AlreadyUploadingError).
      const busy = error instanceof Error && error.name === 'AlreadyUploadingError';
      if (busy) this.store.update(key, { status: 'duplicate', message: 'Already being uploaded' });
      else this.fail(key, 'The uploader could not be loaded. Check your connection.', true);
    }
  }

  private uploaded(key: string, result: UploadResult) {
    this.files.delete(key);
    if (result.status === 'duplicate') {
      this.store.update(key, { status: 'duplicate', assetId: result.id });
      emitAssetsChanged(); // the server may have brought it back from the trash
      return;
    }
    const item = this.store.get(key);
    this.store.update(key, {
      status: 'processing',
      assetId: result.id,
      bytesSent: item?.size ?? 0,
    });
    this.watch.add(result.id, key);
  }

  private processed(key: string, outcome: ProcessingOutcome) {
    if (outcome.status === 'ready') this.store.update(key, { status: 'ready' });
    else this.fail(key, outcome.message, false);
  }

  private fail(key: string, message: string, retryable: boolean) {
    this.store.update(key, { status: 'failed', message, retryable });
  }
}
