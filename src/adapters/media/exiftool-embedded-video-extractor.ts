import { mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { EmbeddedVideoExtractor } from '../../core/live-photos/embedded-video-extractor.js';
import type { VideoProber } from '../../core/media/video-prober.js';
import { runTool } from './run-tool.js';

/** A motion photo's clip is a few seconds; anything larger is not one. */
const MAX_VIDEO_BYTES = 64 * 1024 * 1024;
/** ExifTool's JSON carries binary values in base64: a third more, plus the other tags. */
const MAX_LISTING_BYTES = Math.ceil((MAX_VIDEO_BYTES * 4) / 3) + 1024 * 1024;
/*
 * ExifTool names the video wherever the maker put it: MotionPhotoVideo (Google's JPEG trailer,
 * found through the XMP Container:Directory; Samsung's HEIC `mpvd` box), EmbeddedVideoFile
 * (Samsung's JPEG trailer). Google's older MicroVideo gives only MicroVideoOffset: the video is
 * that many bytes at the end of the file. No -fast: the trailers are at the end.
 */
const ARGS = ['-json', '-n', '-b', '-MotionPhotoVideo', '-EmbeddedVideoFile', '-MicroVideoOffset'];

/**
 * Motion photos' videos through the vendored ExifTool, run as a process per file under a time and
 * output limit (run-tool.ts), like RAW previews. What comes out is kept only if ffprobe reads a
 * video in it: a motion photo whose offsets point at nothing then stays a plain still.
 */
export class ExiftoolEmbeddedVideoExtractor implements EmbeddedVideoExtractor {
  constructor(private readonly options: { prober: VideoProber; timeoutMs?: number }) {}

  async extract(path: string, options: { declared: boolean }): Promise<Buffer | undefined> {
    const file = resolve(path);
    // Starting ExifTool costs ~0.1 s of CPU: not for the many Samsung stills with no trailer.
    if (!options.declared && !(await endsWithSamsungTrailer(file))) return undefined;
    const tags = await this.readTags(file);
    if (!tags) return undefined;
    const video =
      fromBase64(tags.MotionPhotoVideo) ??
      fromBase64(tags.EmbeddedVideoFile) ??
      (await tail(file, tags.MicroVideoOffset));
    if (!video || !isIsoMedia(video)) return undefined;
    return (await this.plays(video)) ? video : undefined;
  }

  private async readTags(file: string): Promise<Record<string, unknown> | undefined> {
    try {
      const run = await runTool(await exiftoolScript(), [...ARGS, file], {
        timeoutMs: this.options.timeoutMs ?? 30_000,
        maxStdoutBytes: MAX_LISTING_BYTES,
      });
      const parsed = JSON.parse(run.stdout.toString('utf8')) as unknown;
      const first = Array.isArray(parsed) ? (parsed[0] as unknown) : undefined;
      return typeof first === 'object' && first !== null
        ? (first as Record<string, unknown>)
        : undefined;
    } catch {
      // Not run, too slow, too much, or no JSON: whatever the reason, no motion part to keep.
      return undefined;
    }
  }

  private async plays(video: Buffer): Promise<boolean> {
    const dir = await mkdtemp(join(tmpdir(), 'keepsake-motion-'));
    try {
      const path = join(dir, 'motion.mp4');
      await writeFile(path, video);
      await this.options.prober.probe(path);
      return true;
    } catch {
      return false;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

function fromBase64(value: unknown): Buffer | undefined {
  if (typeof value !== 'string' || !value.startsWith('base64:')) return undefined;
  const data = Buffer.from(value.slice('base64:'.length), 'base64');
  return data.length > 0 && data.length <= MAX_VIDEO_BYTES ? data : undefined;
}

/** The last `length` bytes of the file (MicroVideoOffset counts from the end). */
async function tail(file: string, length: unknown): Promise<Buffer | undefined> {
  if (typeof length !== 'number' || !Number.isInteger(length) || length <= 0) return undefined;
  if (length > MAX_VIDEO_BYTES) return undefined;
  const { size } = await stat(file);
  if (length >= size) return undefined;
  const handle = await open(file, 'r');
  try {
    const data = Buffer.alloc(length);
    const { bytesRead } = await handle.read(data, 0, length, size - length);
    return bytesRead === length ? data : undefined;
  } finally {
    await handle.close();
  }
}

/** Samsung's trailer (SEFH ... SEFT) closes with its length and the four bytes `SEFT`. */
async function endsWithSamsungTrailer(file: string): Promise<boolean> {
  const { size } = await stat(file);
  if (size < 8) return false;
  const handle = await open(file, 'r');
  try {
    const end = Buffer.alloc(4);
    await handle.read(end, 0, 4, size - 4);
    return end.toString('latin1') === 'SEFT';
  } finally {
    await handle.close();
  }
}

/** An MP4 or QuickTime file starts with a box whose type is `ftyp`. */
const isIsoMedia = (data: Buffer): boolean =>
  data.length > 8 && data.toString('latin1', 4, 8) === 'ftyp';

let scriptPath: Promise<string> | undefined;
// The same vendored ExifTool the metadata step runs; found through exiftool-vendored's own lookup.
const exiftoolScript = () =>
  (scriptPath ??= import('exiftool-vendored').then(({ exiftoolPath }) => exiftoolPath()));
