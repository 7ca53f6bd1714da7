/**
 * What a file's first bytes say about camera RAW: `raw` for the formats whose signature is their
 * own (Canon CRW and CR3, Fujifilm RAF, Olympus ORF, Panasonic RW2, Minolta MRW, Sigma X3F),
 * `tiff` for a TIFF header, which most RAW formats (CR2, NEF, ARW, DNG and GoPro GPR, KDC, PEF,
 * SRW...) share with plain TIFF images, so only ExifTool can tell; undefined for anything else.
 */
export function rawContainerKind(head: Buffer): 'raw' | 'tiff' | undefined {
  const at = (offset: number, text: string) =>
    head.length >= offset + text.length &&
    head.toString('latin1', offset, offset + text.length) === text;
  if (at(0, 'IIRO') || at(0, 'IIRS') || at(0, 'MMOR') || at(0, 'IIU\0')) return 'raw';
  if ((at(0, 'II') || at(0, 'MM')) && at(6, 'HEAPCCDR')) return 'raw';
  if (at(4, 'ftypcrx ') || at(0, 'FUJIFILMCCD-RAW') || at(0, '\0MRM') || at(0, 'FOVb'))
    return 'raw';
  if (at(0, 'II*\0') || at(0, 'MM\0*')) return 'tiff';
  return undefined;
}
