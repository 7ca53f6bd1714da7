/**
 * [Note: Which files the upload sends]
 * Browsers give many camera files no MIME type, or application/octet-stream: Canon CRW, Kodak KDC,
 * GoPro GPR, AVI clips, most RAW. The page once refused those as "Not a photo or video." although
 * the server keeps them. So the browser's type, the name's extension and the first bytes each
 * count: a file is sent when any of them says photo or video, and refused here only when none
 * does (a PDF, a ZIP, a text file). The server has the last word: it reads the content itself and
 * answers 415 with its reason for what it cannot keep, which the panel shows (tus-uploader.ts).
 */

/** Extensions of the photos and videos the server keeps (its sniffer checks the content). */
const EXTENSIONS = [
  // HEIF, JPEG XL
  '.heic',
  '.heif',
  '.avif',
  '.jxl',
  // Camera RAW
  '.dng',
  '.cr2',
  '.cr3',
  '.crw',
  '.nef',
  '.nrw',
  '.arw',
  '.srf',
  '.sr2',
  '.raf',
  '.orf',
  '.rw2',
  '.pef',
  '.srw',
  '.gpr',
  '.kdc',
  '.dcr',
  '.3fr',
  '.erf',
  '.mrw',
  '.x3f',
  // Videos browsers often leave untyped
  '.avi',
  '.mts',
  '.m2ts',
  '.mpg',
  '.mpeg',
  '.3gp',
  '.mkv',
  '.wmv',
  '.insv',
] as const;

/** The file picker's `accept`: on a phone it offers the camera roll. */
export const UPLOAD_ACCEPT = ['image/*', 'video/*', ...EXTENSIONS].join(',');

/** How many first bytes `looksLikeMedia` needs. */
export const HEAD_BYTES = 400;

/** A file as the decision needs it: the browser's type, its name and its first bytes. */
export interface PickedFile {
  name: string;
  type: string;
}

/** Whether to send the file. See: [Note: Which files the upload sends]. */
export function isAcceptedFile(file: PickedFile, head?: Uint8Array): boolean {
  if (file.type.startsWith('image/') || file.type.startsWith('video/')) return true;
  const name = file.name.toLowerCase();
  if (EXTENSIONS.some((extension) => name.endsWith(extension))) return true;
  return head !== undefined && looksLikeMedia(head);
}

/**
 * The signatures of the photo and video containers the server keeps, from the first bytes. A
 * hint to send the file, not a proof: the server sniffs it again.
 */
export function looksLikeMedia(head: Uint8Array): boolean {
  const text = (start: number, end: number) =>
    String.fromCharCode(...head.subarray(start, Math.min(end, head.length)));
  const starts = (...bytes: number[]) => bytes.every((byte, i) => head[i] === byte);
  const lead = text(0, 4);
  return (
    starts(0xff, 0xd8, 0xff) || // JPEG
    starts(0x89, 0x50, 0x4e, 0x47) || // PNG
    lead === 'GIF8' ||
    (lead === 'RIFF' && ['WEBP', 'AVI '].includes(text(8, 12))) ||
    // TIFF and the RAW built on it (DNG, CR2, NEF, ARW, KDC, GPR...), BigTIFF, ORF, RW2
    ['II*\0', 'MM\0*', 'II+\0', 'MM\0+', 'IIRO', 'IIRS', 'IIU\0'].includes(lead) ||
    (['II', 'MM'].includes(text(0, 2)) && text(6, 14) === 'HEAPCCDR') || // Canon CRW
    text(0, 15) === 'FUJIFILMCCD-RAW' ||
    lead === '\0MRM' || // Minolta MRW
    lead === 'FOVb' || // Sigma X3F
    // ISO media: MP4, MOV, HEIC, AVIF, CR3, 3GP; and QuickTime files without `ftyp`
    ['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip'].includes(text(4, 8)) ||
    starts(0xff, 0x0a) || // JPEG XL codestream
    (starts(0, 0, 0, 0x0c) && text(4, 8) === 'JXL ') ||
    starts(0x1a, 0x45, 0xdf, 0xa3) || // Matroska, WebM
    starts(0, 0, 1, 0xba) || // MPEG program stream
    starts(0, 0, 1, 0xb3) || // MPEG video
    starts(0x30, 0x26, 0xb2, 0x75) || // ASF (WMV)
    isTransportStream(head)
  );
}

/** MPEG-TS (.mts, .m2ts): sync bytes every 188 bytes, or every 192 after a 4-byte time code. */
function isTransportStream(head: Uint8Array): boolean {
  return [
    { size: 188, offset: 0 },
    { size: 192, offset: 4 },
  ].some(
    ({ size, offset }) =>
      head.length >= offset + size + 1 && head[offset] === 0x47 && head[offset + size] === 0x47,
  );
}

/** Reads what `isAcceptedFile` needs of a file and decides. */
export async function acceptsFile(file: File): Promise<boolean> {
  if (isAcceptedFile(file)) return true; // the type or the name decide: no need to read it
  try {
    return isAcceptedFile(file, new Uint8Array(await file.slice(0, HEAD_BYTES).arrayBuffer()));
  } catch {
    return true; // it could not be read here: the upload will say so, or the server will
  }
}
