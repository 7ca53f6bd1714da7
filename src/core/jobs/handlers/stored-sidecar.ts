import type { Asset } from '../../assets/asset.js';
import type { FileMetadata } from '../../media/metadata-reader.js';
import type { SidecarReader } from '../../media/sidecar-reader.js';
import { BlobNotFoundError, type BlobStore } from '../../ports/blob-store.js';

/**
 * What the asset's XMP sidecar says, if it has one. A sidecar gone from the store (it cannot
 * be, short of someone deleting files by hand) leaves the photo described by itself rather than
 * failing its processing.
 */
export async function readStoredSidecar(
  asset: Pick<Asset, 'sidecarKey'>,
  blobs: BlobStore,
  reader: SidecarReader,
): Promise<FileMetadata | undefined> {
  if (!asset.sidecarKey) return undefined;
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of await blobs.get(asset.sidecarKey)) chunks.push(chunk as Buffer);
  } catch (error) {
    if (error instanceof BlobNotFoundError) return undefined;
    throw error;
  }
  return reader.read(Buffer.concat(chunks));
}
