import type { Asset } from '../assets/asset.js';
import { formatCaptureTime } from './capture-time.js';

/**
 * An XMP sidecar carrying the values in effect for an asset (the owner's edits included:
 * [Note: Metadata edits]): capture time with its offset, GPS position, description, rating and
 * keywords, in the tags Keepsake itself reads from a sidecar ([Note: XMP sidecars]), so that the
 * file read back, here or by Lightroom, digiKam or ExifTool, says the same.
 */
export function writeXmpSidecar(asset: Asset): string {
  const properties: string[] = [];
  const takenAt = formatCaptureTime(asset.takenAt);
  properties.push(element('exif:DateTimeOriginal', takenAt));
  properties.push(element('photoshop:DateCreated', takenAt));
  if (asset.latitude !== null && asset.longitude !== null) {
    properties.push(element('exif:GPSLatitude', xmpCoordinate(asset.latitude, 'N', 'S')));
    properties.push(element('exif:GPSLongitude', xmpCoordinate(asset.longitude, 'E', 'W')));
  }
  if (asset.rating !== null) properties.push(element('xmp:Rating', String(asset.rating)));
  if (asset.description !== null)
    properties.push(
      `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(asset.description)}</rdf:li></rdf:Alt></dc:description>`,
    );
  if (asset.keywords.length > 0)
    properties.push(
      `<dc:subject><rdf:Bag>${asset.keywords.map((k) => `<rdf:li>${escapeXml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`,
    );
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Keepsake">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:exif="http://ns.adobe.com/exif/1.0/"',
    ' xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    ...properties.map((p) => ` ${p}`),
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
    '',
  ].join('\n');
}

/** XMP's GPS form: degrees, then decimal minutes and the hemisphere (`48,51.400200N`). */
function xmpCoordinate(value: number, positive: string, negative: string): string {
  const abs = Math.abs(value);
  const degrees = Math.floor(abs);
  const minutes = (abs - degrees) * 60;
  return `${degrees},${minutes.toFixed(8)}${value < 0 ? negative : positive}`;
}

const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;

const escapeXml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot carry at all.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
