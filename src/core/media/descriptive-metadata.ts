/*
 * [Note: Description, rating and keywords]
 * What a person wrote about a photo, as opposed to what the camera measured:
 *
 *   - description: XMP-dc:Description, else EXIF ImageDescription, else IPTC Caption-Abstract.
 *     Text a camera writes on every picture ("OLYMPUS DIGITAL CAMERA", "SONY DSC", its
 *     make, the file's own name) is not a description, nor is whitespace;
 *   - rating: XMP Rating, -1 (rejected) to 5 stars; 0 means "no stars", which is a choice too
 *     (a sidecar that says 0 clears the stars the file had). Anything else is left out;
 *   - keywords: XMP-dc:Subject, then IPTC Keywords, each once, in the order first seen.
 *
 * An XMP sidecar says the same things and wins where it says them: [Note: XMP sidecars].
 */

/** What cameras, phones and their software write into ImageDescription on every picture. */
const CAMERA_PLACEHOLDERS = [
  // OLYMPUS DIGITAL CAMERA, KONICA MINOLTA DIGITAL CAMERA, DIGITAL STILL CAMERA...
  /^([A-Z]+( [A-Z]+)? )?DIGITAL (STILL )?CAMERA$/i,
  // SONY DSC, EPSON DSC picture, KODAK Action Cam
  /^[A-Z]+ (DSC( picture)?|Action Cam)$/i,
  /^(default|image|picture|photo|Exif_JPEG_PICTURE)$/i,
  /^LEAD Technologies/i,
  // The picture's own file name or path: P003913, IMG_1234.JPG, C:\DCIM\100GOPRO\GOPR8513.GPR
  /^[A-Z_]{1,5}\d{3,}(\.[A-Z0-9]{3,4})?$/i,
  /^([A-Z]:)?[\\/].*\.[A-Z0-9]{3,4}$/i,
  // Settings as key:value; pairs (FLIR thermal cameras: palette:Arctic;mediaType:video;)
  /^([\w-]+:[^;]*;)+$/,
];

/**
 * The first candidate that is a real description, trimmed; null when there is none. Text equal
 * to the camera's make (Samsung phones write "SAMSUNG") is a placeholder too.
 */
export function chooseDescription(
  candidates: readonly unknown[],
  make?: string | null,
): string | null {
  const brand = make?.trim().toLowerCase();
  for (const candidate of candidates) {
    const text = toText(candidate);
    if (!text || text.toLowerCase() === brand) continue;
    if (!CAMERA_PLACEHOLDERS.some((pattern) => pattern.test(text))) return text;
  }
  return null;
}

/** An XMP rating: a whole number from -1 to 5 (rounded, since XMP allows reals), else null. */
export function toRating(value: unknown): number | null {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return null;
  const rounded = Math.round(n);
  return rounded >= -1 && rounded <= 5 ? rounded : null;
}

/** Keywords from every list given, trimmed, each once (compared without case), in order. */
export function mergeKeywords(...lists: readonly unknown[]): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const list of lists) {
    for (const value of Array.isArray(list) ? list : [list]) {
      const text = toText(value);
      if (!text || seen.has(text.toLowerCase())) continue;
      seen.add(text.toLowerCase());
      keywords.push(text);
    }
  }
  return keywords;
}

// ExifTool gives a keyword such as "2019" as a number.
function toText(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value).replace(/\0+$/, '').trim();
  return text ? text : null;
}
