import type { Readable } from 'node:stream';
import type { ByteRange } from '../ports/blob-store.js';

/** A copy of an original with its location removed, kept until `dispose`. */
export interface StrippedCopy {
  size: number;
  open(range?: ByteRange): Promise<Readable>;
  dispose(): Promise<void>;
}

/**
 * Makes a copy of an original without GPS, never touching the stored one. Answers nothing when
 * the format cannot be written or location survives in the copy: the caller must then refuse,
 * rather than serve the location it promised to hide.
 */
export interface LocationStripper {
  strip(original: Readable, fileName: string): Promise<StrippedCopy | undefined>;
}
