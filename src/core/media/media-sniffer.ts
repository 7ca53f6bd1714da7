import type { AssetType } from '../assets/asset.js';

/** Tells what a file is from its first bytes (and, for formats without a signature, its name). */
export interface MediaSniffer {
  /** How many leading bytes `detect` wants to see. */
  readonly headBytes: number;
  detect(head: Uint8Array, fileName: string): Promise<DetectedMedia | undefined>;
}

export interface DetectedMedia {
  type: AssetType;
  mimeType: string;
}
