import { renditionsPrefixFor } from '../assets/asset.js';
import type { BlobDownload } from '../assets/assets-service.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { LocationStripper } from './location-stripper.js';

/*
 * [Note: Stripped copies are kept]
 * A link that hides locations serves a copy of the file without GPS. A player asks for a video in
 * many byte ranges, and making the copy per request would run ExifTool over the whole file for
 * each. The copy is made once per source version and kept in the blob store under the asset's
 * renditions prefix (`without-location/<version>`), so a purge removes it with the asset; each
 * range is then read from it. The version names the bytes stripped: the original's checksum (also
 * for a video that plays as it is), or the encoded copy's ETag, which changes when it is encoded
 * again. A file whose location cannot be removed leaves a `.unremovable` marker, so a refusal
 * costs no ExifTool run either.
 * The copy is staged and committed, so a reader sees the whole copy or none. Concurrent first
 * requests in one process share one making; in two processes each makes it, and the later commit
 * replaces the earlier with the same bytes (ExifTool's rewrite is deterministic).
 */

/** What a copy is made from: the bytes, and a name for their version (an ETag's inside). */
export interface StrippingSource {
  download: BlobDownload;
  version: string;
}

/** The copies without location of the files links serve, made once and kept. */
export class StrippedCopies {
  private readonly making = new Map<string, Promise<void>>();

  constructor(
    private readonly blobs: BlobStore,
    private readonly stripper: LocationStripper,
  ) {}

  /** The kept copy, made now when missing; nothing when the location cannot be removed. */
  async of({ download, version }: StrippingSource): Promise<BlobDownload | undefined> {
    const { asset } = download;
    const folder = `${renditionsPrefixFor(asset.id)}without-location/`;
    const key = folder + safeName(version);
    let stat = await this.blobs.stat(key);
    if (!stat) {
      if (await this.blobs.stat(`${key}.unremovable`)) return undefined;
      await this.once(key, () => this.make(download, folder, key, safeName(asset.checksum)));
      stat = await this.blobs.stat(key);
      if (!stat) return undefined;
    }
    const { blobs } = this;
    return { asset, size: stat.size, open: (range) => blobs.get(key, range) };
  }

  private async once(key: string, make: () => Promise<void>): Promise<void> {
    let pending = this.making.get(key);
    if (!pending) {
      pending = make().finally(() => this.making.delete(key));
      this.making.set(key, pending);
    }
    await pending;
  }

  private async make(source: BlobDownload, folder: string, key: string, keep: string) {
    const copy = await this.stripper.strip(await source.open(), source.asset.originalFileName);
    if (!copy) return this.blobs.put(`${key}.unremovable`, Buffer.alloc(0));
    try {
      const staged = await this.blobs.stage(await copy.open());
      await staged.commit(key);
    } finally {
      await copy.dispose();
    }
    // Copies of an encoded video that was encoded again since; the original's stays.
    const current = new Set([key, `${folder}${keep}`]);
    for await (const other of this.blobs.list(folder))
      if (!current.has(other.replace(/\.unremovable$/, ''))) await this.blobs.delete(other);
  }
}

/** A version as one segment of a key: an ETag's letters, digits and dashes. */
const safeName = (version: string): string => version.replace(/[^A-Za-z0-9_-]/g, '') || 'none';
