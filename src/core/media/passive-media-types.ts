/**
 * [Note: Serving uploaded bytes]
 * Whatever a person uploads is served from the app's own origin, so a type a browser would run
 * (HTML, SVG, XML, JavaScript) would run with the viewer's session. Three layers keep that from
 * happening: the upload admits only files whose content proves a photo or video format (see
 * [Note: The content decides a file's type]); the metadata step never replaces that type with one
 * outside this list (ExifTool reads an HTML page as `text/html`); and every route serving
 * uploaded bytes sends a type outside this list as `application/octet-stream`, as an attachment,
 * with `nosniff` and a sandboxing CSP (http/assets/send-blob.ts), should a row ever hold one.
 */
const PASSIVE_IMAGE =
  /^image\/(jpeg|png|gif|webp|avif|heic|heif|heic-sequence|heif-sequence|tiff|jxl|bmp|x-[a-z0-9-]+)$/;
const PASSIVE_VIDEO = /^video\/[a-z0-9][a-z0-9.+-]*$/i;
/** Words that name markup or script whatever family they appear in (`image/x-svg`, `video/x+xml`). */
const ACTIVE = /svg|xml|html|script|ecma|json|pdf/i;

/** Whether a browser only shows this type, never runs it. */
export function isPassiveMediaType(mimeType: string): boolean {
  const type = mimeType.split(';', 1)[0]!.trim().toLowerCase();
  if (ACTIVE.test(type)) return false;
  return PASSIVE_IMAGE.test(type) || PASSIVE_VIDEO.test(type);
}
