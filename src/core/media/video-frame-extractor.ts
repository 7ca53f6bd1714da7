/**
 * Takes one still picture out of a video, for the thumbnail, preview and placeholder that stills
 * get from their original.
 *
 * @example
 *   const rendered = await frames.withPosterFrame(videoPath, 4002, (png) => renderer.render(png));
 */
export interface VideoFrameExtractor {
  /**
   * Writes the poster frame (upright, square pixels) to a temporary image file, gives `use` its
   * path and removes it afterwards. Throws UnreadableVideoError when no frame can be decoded,
   * MediaToolMissingError without ffmpeg.
   */
  withPosterFrame<T>(
    videoPath: string,
    durationMs: number | null,
    use: (framePath: string) => Promise<T>,
  ): Promise<T>;
}

/**
 * Where the poster frame is taken: a second in, or a tenth of the way for shorter clips (the first
 * frames are often black or blurred while the camera settles).
 */
export const posterFrameSeconds = (durationMs: number | null): number =>
  durationMs === null || durationMs <= 0 ? 0 : Math.min(1, durationMs / 10_000);
