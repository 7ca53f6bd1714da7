import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  BlobNotFoundError,
  type BlobStat,
  type BlobStore,
  type BlobStoreCapabilities,
  type ByteRange,
  type StagedBlob,
} from '../../core/ports/blob-store.js';
import { mkdirDurably } from '../fs/durable-mkdir.js';
import { fsync } from '../fs/fsync.js';
import { BatchedFileWriter } from './batched-file-writer.js';
import { assertBlobKey } from './blob-key.js';

const STAGING = '.staging';

/**
 * Blobs as files under one folder. Every write lands in `.staging/` first, is fsynced, then
 * renamed into place (and the folder fsynced), so a key holds a whole value or nothing.
 */
export class DiskBlobStore implements BlobStore {
  readonly capabilities: BlobStoreCapabilities = { presignedUrls: false };
  private readonly stagingDir: string;

  constructor(private readonly root: string) {
    this.stagingDir = join(root, STAGING);
  }

  async init(): Promise<void> {
    await mkdir(this.stagingDir, { recursive: true });
  }

  async stage(source: Readable): Promise<StagedBlob> {
    const tempPath = join(this.stagingDir, crypto.randomUUID());
    let size: number;
    try {
      const file = await open(tempPath, 'wx');
      try {
        const out = new BatchedFileWriter(file);
        await pipeline(source, out);
        size = out.bytesWritten;
        await file.sync();
      } finally {
        await file.close();
      }
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    let settled = false;
    return {
      size,
      commit: async (key) => {
        const target = this.pathOf(key);
        await mkdirDurably(dirname(target));
        await rename(tempPath, target);
        settled = true;
        await fsync(dirname(target));
      },
      discard: async () => {
        if (settled) return;
        settled = true;
        await rm(tempPath, { force: true });
      },
    };
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    const tempPath = join(this.stagingDir, crypto.randomUUID());
    try {
      const file = await open(tempPath, 'wx');
      try {
        await file.writeFile(data);
        await file.sync();
      } finally {
        await file.close();
      }
      await mkdirDurably(dirname(target));
      await rename(tempPath, target);
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
    await fsync(dirname(target));
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const path = this.pathOf(key);
    const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new BlobNotFoundError(key) : error;
    });
    return createReadStream('', { fd: handle, start: range?.start, end: range?.end });
  }

  async stat(key: string): Promise<BlobStat | undefined> {
    try {
      const s = await stat(this.pathOf(key));
      return { size: s.size, modifiedAt: s.mtime };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await unlink(this.pathOf(key)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  }

  async *list(prefix: string): AsyncIterable<string> {
    const entries = await readdir(this.root, { recursive: true, withFileTypes: true }).catch(
      () => [],
    );
    const keys = entries
      .filter((e) => e.isFile())
      .map((e) => relative(this.root, join(e.parentPath, e.name)).split(sep).join('/'))
      .filter((key) => !key.startsWith(`${STAGING}/`) && key.startsWith(prefix))
      .sort();
    yield* keys;
  }

  async withLocalFile<T>(key: string, use: (path: string) => Promise<T>): Promise<T> {
    const path = this.pathOf(key);
    if (!(await this.stat(key))) throw new BlobNotFoundError(key);
    return use(path);
  }

  async cleanStaging(olderThanMs: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    let removed = 0;
    for (const name of await readdir(this.stagingDir).catch(() => [])) {
      const path = join(this.stagingDir, name);
      const s = await stat(path).catch(() => undefined);
      if (s && s.mtimeMs <= cutoff) {
        await rm(path, { force: true, recursive: true });
        removed++;
      }
    }
    return removed;
  }

  private pathOf(key: string): string {
    assertBlobKey(key);
    return join(this.root, ...key.split('/'));
  }
}
