/**
 * Takes the video out of a motion photo: a still (JPEG, HEIC) that carries a few seconds of
 * video inside, as Google's Motion Photos, their older MicroVideo and Samsung's Motion Photos do.
 *
 * @example
 *   const video = await extractor.extract('/tmp/PXL_20240101_MP.jpg', { declared: true });
 *   if (video) await store(video); // the MP4's bytes, checked to play
 */
export interface EmbeddedVideoExtractor {
  /**
   * The embedded video's bytes; undefined when the file holds none, or holds one no player could
   * read (a motion photo whose video is cut off or whose offsets point nowhere). Never throws for
   * what the file holds: a broken motion part must never fail its still.
   * `declared`: the file's metadata says it is a motion photo. Otherwise (a Samsung still, whose
   * older trailer the metadata read skips) the adapter first checks cheaply that a trailer is
   * there at all, since most such stills have none.
   */
  extract(path: string, options: { declared: boolean }): Promise<Buffer | undefined>;
}
