/** Makes the renditions a browser shows, from one decode of the original. */
export interface ImageRenderer {
  /** Throws UndecodableImageError when the file is not a picture it can read. */
  render(path: string): Promise<RenderedImage>;
}

export interface RenderedImage {
  /** WebP, short side about 250 px. */
  thumbnail: EncodedImage;
  /** Long side about 1440 px. */
  preview: EncodedImage;
  /** Base64 ThumbHash: a ~25-byte placeholder the client paints before the thumbnail arrives. */
  thumbhash: string;
  /** Size of the original as displayed (after EXIF orientation). */
  width: number;
  height: number;
}

export interface EncodedImage {
  data: Buffer;
  format: 'webp' | 'jpeg';
  width: number;
  height: number;
}

/** An expected outcome, not a crash: the file is stored and listed, only its pictures are missing. */
export class UndecodableImageError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UndecodableImageError';
  }
}
