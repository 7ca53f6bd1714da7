/**
 * Expected outcomes of video work, not crashes: the job ends `failed` with the message as its
 * reason, and the asset stays listed with its original.
 */

/** The file is not a video the tools can read (truncated, corrupt, not a video at all). */
export class UnreadableVideoError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnreadableVideoError';
  }
}

/**
 * ffmpeg or ffprobe is not installed (or not where the configuration says). Not retried: the
 * message says what to install, and a re-upload or re-run after installing picks it up.
 */
export class MediaToolMissingError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'MediaToolMissingError';
  }
}
