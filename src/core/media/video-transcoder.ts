import type { Readable } from 'node:stream';
import type { VideoSize } from './playback-rules.js';

/**
 * Encodes a video into copies every browser plays. See: [Note: Video playback] in
 * core/media/playback-rules.ts.
 *
 * @example
 *   await transcoder.withPlayableCopies(path, { encode: { width: 1280, height: 720 }, hls: [], ... },
 *     async (copies) => blobs.stage(copies.mp4!.open()));
 */
export interface VideoTranscoder {
  /**
   * Writes what `order` asks for to a temporary folder, gives `use` the files and removes them
   * afterwards. The whole encode stops at `timeoutMs` (TranscodeTimeoutError); a video it cannot
   * read is an UnreadableVideoError, no ffmpeg a MediaToolMissingError.
   */
  withPlayableCopies<T>(
    videoPath: string,
    order: TranscodeOrder,
    use: (copies: PlayableCopies) => Promise<T>,
  ): Promise<T>;
}

export interface TranscodeOrder {
  /** An H.264/AAC MP4 of this size; null for none. */
  encode: VideoSize | null;
  /** HLS variants of these sizes, largest first; empty for none. */
  hls: VideoSize[];
  /** The video has sound to carry over. */
  audio: boolean;
  timeoutMs: number;
}

export interface PlayableCopies {
  mp4: TranscodedFile | null;
  /** The master playlist `index.m3u8`, its variant playlists and segments, all in one folder. */
  hls: TranscodedFile[];
}

export interface TranscodedFile {
  /** A plain file name (`index.m3u8`, `stream_0_003.ts`): no folders. */
  name: string;
  size: number;
  open(): Readable;
}

/** The encode ran past its time limit and was stopped. */
export class TranscodeTimeoutError extends Error {
  constructor(readonly seconds: number) {
    super(`Transcoding was stopped after ${seconds} s`);
    this.name = 'TranscodeTimeoutError';
  }
}
