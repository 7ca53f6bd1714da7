import type { MediaSniffer } from '../../core/media/media-sniffer.js';
import { signatureOf } from './media-signatures.js';

// Camera RAW files are TIFF inside; the extension names the flavour (the content has already
// proved that the file is a TIFF).
const TIFF_RAW_EXTENSIONS: Record<string, string> = {
  cr2: 'image/x-canon-cr2',
  nef: 'image/x-nikon-nef',
  nrw: 'image/x-nikon-nrw',
  arw: 'image/x-sony-arw',
  srf: 'image/x-sony-srf',
  sr2: 'image/x-sony-sr2',
  dng: 'image/x-adobe-dng',
  orf: 'image/x-olympus-orf',
  rw2: 'image/x-panasonic-rw2',
  raf: 'image/x-fujifilm-raf',
  pef: 'image/x-pentax-pef',
  srw: 'image/x-samsung-srw',
  gpr: 'image/x-gopro-gpr',
  kdc: 'image/x-kodak-kdc',
  dcr: 'image/x-kodak-dcr',
  '3fr': 'image/x-hasselblad-3fr',
  erf: 'image/x-epson-erf',
};

const IMAGE_MIME =
  /^image\/(jpeg|png|gif|webp|avif|heic|heif|tiff|jxl|bmp|x-[a-z0-9-]+|vnd\.[a-z0-9.-]+)$/;
const EXCLUDED_IMAGE = new Set([
  'image/vnd.adobe.photoshop',
  'image/x-icon',
  'image/vnd.microsoft.icon',
  'image/x-xcf',
]);

/**
 * Decides from a file's first bytes whether it is a photo or video Keepsake keeps.
 *
 * [Note: The content decides a file's type]
 * Only the bytes say what a file is: a signature file-type knows, or a structural check of our
 * own (media-signatures.ts) for formats it does not. The name never admits a file: an HTML page
 * named `holiday.mts` or an SVG named `.crw` was once accepted on its extension alone, and then
 * served from the app's origin. The name only picks a flavour among files whose content already
 * proved the family (a TIFF named `.kdc` is a Kodak RAW). What is served keeps to passive types
 * too: see core/media/passive-media-types.ts.
 */
export const fileTypeSniffer: MediaSniffer = {
  headBytes: 64 * 1024,
  async detect(head, fileName) {
    const ext = fileName.toLowerCase().split('.').pop() ?? '';
    const { fileTypeFromBuffer } = await import('file-type'); // loaded on the first upload
    const found = (await fileTypeFromBuffer(head)) ?? signatureOf(head);
    if (!found) return undefined;
    // file-type names MPEG-TS from two sync bytes; a page can start with "G" by chance.
    if (found.mime === 'video/mp2t' && signatureOf(head)?.mime !== 'video/mp2t') return undefined;
    if (found.mime === 'image/tiff' && TIFF_RAW_EXTENSIONS[ext])
      return { type: 'image', mimeType: TIFF_RAW_EXTENSIONS[ext] };
    if (found.mime.startsWith('video/')) return { type: 'video', mimeType: found.mime };
    if (found.mime === 'application/mp4' || found.mime === 'application/x-mpegURL')
      return undefined;
    if (IMAGE_MIME.test(found.mime) && !EXCLUDED_IMAGE.has(found.mime))
      return { type: 'image', mimeType: found.mime };
    return undefined;
  },
};
