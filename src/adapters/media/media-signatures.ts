/**
 * Structural checks for the formats file-type does not know (or knows too loosely), each a
 * positive proof from the bytes. See: [Note: The content decides a file's type] in
 * file-type-sniffer.ts.
 */
export function signatureOf(head: Uint8Array): { mime: string } | undefined {
  if (isTiff(head)) return { mime: 'image/tiff' };
  if (isCanonCrw(head)) return { mime: 'image/x-canon-crw' };
  if (isMinoltaMrw(head)) return { mime: 'image/x-minolta-mrw' };
  if (isSigmaX3f(head)) return { mime: 'image/x-sigma-x3f' };
  if (isMpegTransportStream(head)) return { mime: 'video/mp2t' };
  return undefined;
}

const ascii = (head: Uint8Array, start: number, end: number): string =>
  Buffer.from(head.subarray(start, end)).toString('latin1');

// file-type follows a TIFF's first IFD offset, and gives up when it lies past the head it was
// given: writers that put the directory after the pixels (a DJI thermal camera) say only 'II*'.
function isTiff(head: Uint8Array): boolean {
  return ['II*\0', 'MM\0*', 'II+\0', 'MM\0+'].includes(ascii(head, 0, 4));
}

/** Canon CIFF: byte order, a header length, then "HEAPCCDR". */
function isCanonCrw(head: Uint8Array): boolean {
  return ['II', 'MM'].includes(ascii(head, 0, 2)) && ascii(head, 6, 14) === 'HEAPCCDR';
}

function isMinoltaMrw(head: Uint8Array): boolean {
  return ascii(head, 0, 4) === '\0MRM' && ascii(head, 8, 12) === '\0PRD';
}

function isSigmaX3f(head: Uint8Array): boolean {
  return ascii(head, 0, 4) === 'FOVb';
}

const TS_SYNC = 0x47;

/**
 * MPEG-TS (.mts/.m2ts): 188-byte packets each starting with the sync byte 0x47, or 192-byte
 * packets (a 4-byte time code first, as AVCHD cameras write). Every packet in the head must
 * start with it, and there must be at least a few: no page or picture does that by chance.
 */
function isMpegTransportStream(head: Uint8Array): boolean {
  return [
    { size: 188, offset: 0 },
    { size: 192, offset: 4 },
  ].some(({ size, offset }) => {
    const packets = Math.floor((head.length - offset) / size);
    if (packets < 4) return false;
    for (let packet = 0; packet < packets; packet += 1)
      if (head[offset + packet * size] !== TS_SYNC) return false;
    return true;
  });
}
