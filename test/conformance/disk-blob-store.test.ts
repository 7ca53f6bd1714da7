import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskBlobStore } from '../../src/adapters/blobs/disk-blob-store.js';
import { describeBlobStoreConformance } from './blob-store.conformance.js';

describeBlobStoreConformance('disk', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'keepsake-blobs-'));
  const store = new DiskBlobStore(dir);
  await store.init();
  return { store, close: () => rm(dir, { recursive: true, force: true }) };
});
