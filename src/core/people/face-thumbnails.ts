import type { Readable } from 'node:stream';
import { renditionsPrefixFor } from '../assets/asset.js';
import type { AssetRepository } from '../assets/asset-repository.js';
import { AppError } from '../errors.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { RelativeBox } from '../vision/vision-ports.js';

/** Cuts a face out of a preview: a square JPEG around the box, with some room around it. */
export interface FaceCropper {
  crop(preview: Buffer, box: RelativeBox): Promise<Buffer>;
}

export interface FaceThumbnail {
  size: number;
  open(): Promise<Readable>;
}

/**
 * A face's thumbnail, made from the asset's preview the first time it is asked for and kept
 * beside the asset's renditions, keyed by the face's id (a face never moves on its photo, so the
 * crop never changes; the asset's purge removes it with the renditions).
 */
export class FaceThumbnails {
  constructor(
    private readonly assets: AssetRepository,
    private readonly blobs: BlobStore,
    private readonly cropper: FaceCropper,
  ) {}

  async get(face: { id: string; assetId: string; box: RelativeBox }): Promise<FaceThumbnail> {
    const key = faceThumbnailKey(face.assetId, face.id);
    let stat = await this.blobs.stat(key);
    if (!stat) {
      const previewKey = (await this.assets.get(face.assetId))?.renditions?.previewKey;
      if (!previewKey) throw new AppError('RENDITION_NOT_READY', 'The photo has no preview yet.');
      await this.blobs.put(
        key,
        await this.cropper.crop(await bytesOf(previewKey, this.blobs), face.box),
      );
      stat = await this.blobs.stat(key);
      if (!stat) throw new AppError('RENDITION_NOT_READY', 'The face thumbnail is not ready yet.');
    }
    return { size: stat.size, open: () => this.blobs.get(key) };
  }

  /** Removes the thumbnails of faces that are gone (a re-run replaced them). */
  async forget(assetId: string, faceIds: readonly string[]): Promise<void> {
    for (const id of faceIds) await this.blobs.delete(faceThumbnailKey(assetId, id));
  }
}

export const faceThumbnailKey = (assetId: string, faceId: string): string =>
  `${renditionsPrefixFor(assetId)}face-${faceId}.jpg`;

/** A stored blob, whole. */
export async function bytesOf(key: string, blobs: BlobStore): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await blobs.get(key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
