import type { DetectedMedia, MediaSniffer } from '../../core/media/media-sniffer.js';

// Formats file-type cannot tell from their bytes (or tells only as a generic container): the
// extension decides, and only for these.
const BY_EXTENSION: Record<string, DetectedMedia> = {
  crw: { type: 'image', mimeType: 'image/x-canon-crw' },
  kdc: { type: 'image', mimeType: 'image/x-kodak-kdc' },
  dcr: { type: 'image', mimeType: 'image/x-kodak-dcr' },
  mrw: { type: 'image', mimeType: 'image/x-minolta-mrw' },
  x3f: { type: 'image', mimeType: 'image/x-sigma-x3f' },
  srw: { type: 'image', mimeType: 'image/x-samsung-srw' },
  pef: { type: 'image', mimeType: 'image/x-pentax-pef' },
  gpr: { type: 'image', mimeType: 'image/x-gopro-gpr' },
  '3fr': { type: 'image', mimeType: 'image/x-hasselblad-3fr' },
  erf: { type: 'image', mimeType: 'image/x-epson-erf' },
  mts: { type: 'video', mimeType: 'video/mp2t' },
  m2ts: { type: 'video', mimeType: 'video/mp2t' },
};

// Camera RAW files are TIFF inside; the extension names the flavour.
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

/** Decides from a file's first bytes whether it is a photo or video Keepsake keeps. */
export const fileTypeSniffer: MediaSniffer = {
  headBytes: 64 * 1024,
  async detect(head, fileName) {
    const ext = fileName.toLowerCase().split('.').pop() ?? '';
    const { fileTypeFromBuffer } = await import('file-type'); // loaded on the first upload
    const found = (await fileTypeFromBuffer(head)) ?? tiffByHeader(head);
    if (!found) return BY_EXTENSION[ext];
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

// file-type follows a TIFF's first IFD offset, and gives up when it lies past the head it was
// given: writers that put the directory after the pixels (a DJI thermal camera) say only 'II*'.
function tiffByHeader(head: Uint8Array): { mime: string } | undefined {
  const tag = Buffer.from(head.subarray(0, 4)).toString('latin1');
  return ['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(tag) ? { mime: 'image/tiff' } : undefined;
}
