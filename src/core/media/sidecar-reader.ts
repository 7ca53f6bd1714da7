import type { FileMetadata } from './metadata-reader.js';

/** Reads an XMP sidecar's bytes. See: [Note: XMP sidecars] in core/media/sidecar-merge.ts. */
export interface SidecarReader {
  /**
   * What the sidecar says, read as a photo's own tags are; undefined when the bytes are not XMP.
   *
   * @example
   *   const meta = await sidecars.read(await readAll(request.file));
   *   if (!meta) throw new AppError('INVALID_SIDECAR', 'That is not an XMP sidecar.');
   */
  read(xmp: Buffer): Promise<FileMetadata | undefined>;
}
