import { open } from 'node:fs/promises';

/*
 * Just enough of the HEIF container (ISO/IEC 23008-12, boxes as in ISO BMFF) to route a file to
 * the HEVC decoder, to know whether its primary image carries its own rotation or mirror, and to
 * read the colour signal (HDR transfer) it declares.
 */

// Brands of HEVC-coded HEIF. AVIF shares 'mif1' but sharp decodes AV1 itself, so it is not here.
const HEVC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs']);
const GENERIC_BRANDS = new Set(['mif1', 'msf1']);

/** Whether a file's first bytes are an 'ftyp' box naming HEVC-coded HEIF (iPhone, Samsung). */
export function isHevcHeif(head: Buffer): boolean {
  if (head.length < 16 || head.toString('latin1', 4, 8) !== 'ftyp') return false;
  const size = Math.min(head.readUInt32BE(0), head.length);
  const major = head.toString('latin1', 8, 12);
  if (HEVC_BRANDS.has(major)) return true;
  if (!GENERIC_BRANDS.has(major)) return false;
  for (let at = 16; at + 4 <= size; at += 4)
    if (HEVC_BRANDS.has(head.toString('latin1', at, at + 4))) return true;
  return false;
}

interface Box {
  type: string;
  /** Where the box's content starts (after its header) and where the box ends. */
  start: number;
  end: number;
}

function* boxesIn(data: Buffer, from: number, to: number): Generator<Box> {
  let at = from;
  while (at + 8 <= to) {
    let size = data.readUInt32BE(at);
    let header = 8;
    if (size === 1) {
      if (at + 16 > to) return;
      size = Number(data.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) size = to - at;
    if (size < header || at + size > to) return;
    yield { type: data.toString('latin1', at + 4, at + 8), start: at + header, end: at + size };
    at += size;
  }
}

const child = (data: Buffer, parent: Box, type: string, skip = 0) => {
  for (const box of boxesIn(data, parent.start + skip, parent.end))
    if (box.type === type) return box;
  return undefined;
};

const MAX_META_BYTES = 16 * 1024 * 1024;

/** The 'meta' box of a HEIF file, read without reading the media data around it. */
async function readMetaBox(path: string): Promise<Buffer | undefined> {
  const file = await open(path, 'r');
  try {
    const { size: fileSize } = await file.stat();
    const header = Buffer.alloc(16);
    for (let at = 0; at + 8 <= fileSize;) {
      await file.read(header, 0, 16, at);
      let size = header.readUInt32BE(0);
      if (size === 1) size = Number(header.readBigUInt64BE(8));
      else if (size === 0) size = fileSize - at;
      if (size < 8) return undefined;
      if (header.toString('latin1', 4, 8) === 'meta') {
        if (size > MAX_META_BYTES || at + size > fileSize) return undefined;
        const meta = Buffer.alloc(size);
        await file.read(meta, 0, size, at);
        return meta;
      }
      at += size;
    }
    return undefined;
  } finally {
    await file.close();
  }
}

/**
 * Whether the primary image has an 'irot' (rotation) or 'imir' (mirror) property. libheif applies
 * those while decoding, so such a picture comes out upright and its EXIF Orientation, which
 * iPhones also write, must not turn it again. Samsung phones write only the EXIF Orientation.
 */
export async function primaryImageHasTransforms(path: string): Promise<boolean> {
  const found = await primaryImageProperties(path);
  return found?.boxes.some((box) => box.type === 'irot' || box.type === 'imir') ?? false;
}

/** The colour signal an 'nclx' colour box declares (ITU-T H.273 code points). */
export interface NclxColour {
  primaries: number;
  transfer: number;
  matrix: number;
}

/** The primary image's 'nclx' colour box, if it has one (AVIF mostly; an ICC 'colr' is not it). */
export async function readPrimaryNclx(path: string): Promise<NclxColour | undefined> {
  const found = await primaryImageProperties(path);
  for (const box of found?.boxes ?? []) {
    if (box.type !== 'colr' || box.end - box.start < 10) continue;
    if (found!.data.toString('latin1', box.start, box.start + 4) !== 'nclx') continue;
    const at = box.start + 4;
    const { data } = found!;
    return {
      primaries: data.readUInt16BE(at),
      transfer: data.readUInt16BE(at + 2),
      matrix: data.readUInt16BE(at + 4),
    };
  }
  return undefined;
}

/** The property boxes ('ipco') that 'ipma' associates with the primary item ('pitm'). */
async function primaryImageProperties(
  path: string,
): Promise<{ data: Buffer; boxes: Box[] } | undefined> {
  const data = await readMetaBox(path);
  if (!data) return undefined;
  const meta = [...boxesIn(data, 0, data.length)][0]!;
  // 'meta' and 'pitm' and 'ipma' are full boxes: a version byte and three flag bytes first.
  const pitm = child(data, meta, 'pitm', 4);
  const iprp = child(data, meta, 'iprp', 4);
  const ipco = iprp && child(data, iprp, 'ipco');
  const ipma = iprp && child(data, iprp, 'ipma');
  if (!pitm || !ipco || !ipma) return undefined;
  const primary =
    data[pitm.start] === 0 ? data.readUInt16BE(pitm.start + 4) : data.readUInt32BE(pitm.start + 4);
  const properties = [...boxesIn(data, ipco.start, ipco.end)];

  const boxes: Box[] = [];
  const version = data[ipma.start]!;
  const wideIndex = (data[ipma.start + 3]! & 1) === 1;
  let at = ipma.start + 4;
  const entries = data.readUInt32BE(at);
  at += 4;
  for (let entry = 0; entry < entries && at < ipma.end; entry++) {
    const item = version < 1 ? data.readUInt16BE(at) : data.readUInt32BE(at);
    at += version < 1 ? 2 : 4;
    const count = data[at++]!;
    for (let i = 0; i < count; i++) {
      // The top bit says "essential"; the rest is a 1-based index into 'ipco'.
      const index = wideIndex ? data.readUInt16BE(at) & 0x7fff : data[at]! & 0x7f;
      at += wideIndex ? 2 : 1;
      const property = properties[index - 1];
      if (item === primary && property) boxes.push(property);
    }
  }
  return { data, boxes };
}
