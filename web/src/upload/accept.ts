/**
 * Which files the upload takes: what the server can keep (photos, videos, HEIF, RAW, JPEG XL).
 * Browsers often give RAW and HEIC files no MIME type (or application/octet-stream), so the file
 * name's extension counts as much as the type.
 */
const EXTENSIONS = [
  '.heic',
  '.heif',
  '.dng',
  '.cr2',
  '.cr3',
  '.nef',
  '.arw',
  '.raf',
  '.orf',
  '.rw2',
  '.jxl',
] as const;

/** The file picker's `accept`: on a phone it offers the camera roll. */
export const UPLOAD_ACCEPT = ['image/*', 'video/*', ...EXTENSIONS].join(',');

export function isAcceptedFile(file: { name: string; type: string }): boolean {
  if (file.type.startsWith('image/') || file.type.startsWith('video/')) return true;
  const name = file.name.toLowerCase();
  return EXTENSIONS.some((extension) => name.endsWith(extension));
}
