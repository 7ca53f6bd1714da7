/**
 * [Note: Reasons people read]
 * A step that fails records two texts. The job record and the log keep the tool's own words
 * (ffmpeg's last lines, libvips' message, file paths included): that is what an operator needs.
 * The asset keeps a sentence for the person who uploaded it, made here: no path of the server's
 * (a blob key tells a stranger how storage is laid out), no raw tool output. Applied when the
 * reason is stored and again when it is shown, so rows written before this rule read the same;
 * a sentence made here comes back unchanged.
 */
export function reasonForPeople(raw: string): string {
  const text = withoutPaths(raw.split('\n', 1)[0]!).trim();
  const split = text.indexOf(': ');
  const lead = split > 0 ? text.slice(0, split) : '';
  const detail = split > 0 ? text.slice(split + 2) : text;
  const plain = plainDetail(detail);
  const sentence = lead ? `${lead}: ${plain}` : capitalised(plain);
  return sentence.length > 240 ? `${sentence.slice(0, 237)}...` : sentence;
}

/** Words of a tool (or of the system) rather than of a person, at the start of a detail. */
const TOOL = /^(?:ffmpeg|ffprobe|exiftool|\w*vips\w*|heif\w*|libheif|\w*Error|E[A-Z]{3,})\s*:/i;
const DAMAGED =
  /after EOF|end of file|premature end|unexpected end|truncat|cut short|moov atom not found|partial file|bad seek|corrupt|Invalid data found|marking filters/i;

/** Tool output, by what it says, as a person would put it. */
function plainDetail(detail: string): string {
  if (DAMAGED.test(detail)) return 'the file is damaged or cut short.';
  if (TOOL.test(detail))
    return /took longer than|timed? ?out/i.test(detail)
      ? 'reading it took too long.'
      : 'the file is damaged or in a form Keepsake cannot read.';
  return detail;
}

// Absolute paths (`/data/blobs/originals/cf/26/...`, `C:\...`), URLs, and store keys under the
// blob folders, however they were cut (`…/originals/cf/26/…`).
const PATH =
  /\b[a-z][a-z0-9+.-]*:\/\/\S+|(?:[A-Za-z]:)?(?:…|\.\.\.)?(?:[\\/][^\s:;,'"()\\/]+){2,}[\\/]?(?:…|\.\.\.)?|\b(?:originals|renditions|staging|blobs|\.tus)\/\S+/g;

function withoutPaths(text: string): string {
  return text
    .replace(PATH, (path) => (/^\/(usr|bin|opt)\//.test(path) ? path : 'the file'))
    .replace(/\b(the file)(?:[\s:]+the file)+/g, '$1');
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
