import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FileMetadata, MetadataReader } from '../../core/media/metadata-reader.js';
import type { SidecarReader } from '../../core/media/sidecar-reader.js';

const XMP_MIME_TYPE = 'application/rdf+xml';

/**
 * Sidecars through the same ExifTool reader (and tag list) as originals, so a sidecar's date,
 * position and words come out exactly as the photo's own would. ExifTool is the judge of what
 * is XMP: garbage reads as "File format error", other text as `text/plain`.
 */
export class ExiftoolSidecarReader implements SidecarReader {
  constructor(private readonly reader: MetadataReader) {}

  async read(xmp: Buffer): Promise<FileMetadata | undefined> {
    // ExifTool reads paths; the `.xmp` name makes it parse the bytes as XMP first.
    const dir = await mkdtemp(join(tmpdir(), 'keepsake-xmp-'));
    try {
      const path = join(dir, 'sidecar.xmp');
      await writeFile(path, xmp);
      const meta = await this.reader.read(path);
      return meta.mimeType === XMP_MIME_TYPE ? meta : undefined;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
