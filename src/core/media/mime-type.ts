import { isPassiveMediaType } from './passive-media-types.js';

/**
 * The asset's media type once its metadata is read. ExifTool reads the stored original, which has
 * no file name, so a TIFF-based camera RAW that only its extension tells apart (Kodak KDC and DCR,
 * Pentax PEF...) reads as plain `image/tiff`; the type the upload gave it, from the name, is then
 * the better one. Otherwise what ExifTool read from the content wins, unless it is a type a
 * browser would run (`text/html`, `image/svg+xml`): the sniffed media type stays. See:
 * [Note: Serving uploaded bytes] in passive-media-types.ts.
 */
export function chooseMimeType(uploaded: string, read: string | null | undefined): string {
  if (!read) return uploaded;
  if (!isPassiveMediaType(read)) return uploaded;
  if (read === 'image/tiff' && uploaded.startsWith('image/x-')) return uploaded;
  return read;
}
