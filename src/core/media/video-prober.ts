/**
 * Reads what a video container says about its picture: how long it plays and how it is shown.
 * Dates, place and camera come from the MetadataReader, as for stills.
 *
 * @example
 *   const probe = await prober.probe('/tmp/IMG_0001.MOV');
 *   // { durationMs: 4002, width: 320, height: 568, rotation: 90, videoCodec: 'h264', ... }
 */
export interface VideoProber {
  /** Throws UnreadableVideoError for a file it cannot read, MediaToolMissingError without ffprobe. */
  probe(path: string): Promise<VideoProbe>;
}

export interface VideoProbe {
  durationMs: number | null;
  /** Size as a player shows it: turned by `rotation`, stretched to square pixels. */
  width: number;
  height: number;
  /** Clockwise quarter turns a player applies, in degrees: 0, 90, 180 or 270. */
  rotation: number;
  videoCodec: string;
  audioCodec: string | null;
  /** Average frames per second, when the container tells it. */
  frameRate: number | null;
  /** ffprobe's name for the container (`mov,mp4,m4a,3gp,3g2,mj2`, `avi`), when it tells it. */
  container: string | null;
  /** The picture's pixel format (`yuv420p`, `yuv420p10le`), when it tells it. */
  pixelFormat: string | null;
}
