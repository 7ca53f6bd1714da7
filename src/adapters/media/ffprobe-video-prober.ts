import { UnreadableVideoError } from '../../core/media/video-errors.js';
import type { VideoProbe, VideoProber } from '../../core/media/video-prober.js';
import { lastComplaint, MediaToolTimeoutError, runMediaTool } from './run-media-tool.js';

export interface FfprobeOptions {
  /** `ffprobe` on the PATH unless configured (KEEPSAKE_FFPROBE_PATH). */
  binary: string;
  timeoutMs?: number;
}

/** Duration, displayed size and codecs through ffprobe's JSON output. */
export class FfprobeVideoProber implements VideoProber {
  constructor(private readonly options: FfprobeOptions) {}

  async probe(path: string): Promise<VideoProbe> {
    const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path];
    let run;
    try {
      run = await runMediaTool(this.options.binary, args, {
        tool: 'ffprobe',
        pathVariable: 'KEEPSAKE_FFPROBE_PATH',
        timeoutMs: this.options.timeoutMs ?? 30_000,
      });
    } catch (error) {
      if (error instanceof MediaToolTimeoutError) throw new UnreadableVideoError(error.message);
      throw error;
    }
    if (run.code !== 0)
      throw new UnreadableVideoError(`ffprobe: ${lastComplaint(run.stderr, path)}`);
    return toVideoProbe(JSON.parse(run.stdout.toString('utf8')) as FfprobeOutput);
  }
}

/** The parts of `ffprobe -print_format json -show_format -show_streams` that are read. */
export interface FfprobeOutput {
  streams?: FfprobeStream[];
  format?: { duration?: string; format_name?: string };
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  sample_aspect_ratio?: string;
  avg_frame_rate?: string;
  pix_fmt?: string;
  duration?: string;
  disposition?: { attached_pic?: number };
  tags?: { rotate?: string };
  side_data_list?: { rotation?: number }[];
}

/** Throws UnreadableVideoError when there is no picture to show. */
export function toVideoProbe(output: FfprobeOutput): VideoProbe {
  const streams = output.streams ?? [];
  // Cover art in an .mp4 is a one-frame "video" stream marked attached_pic: not the video.
  const video = streams.find(
    (s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1 && s.width && s.height,
  );
  if (!video) throw new UnreadableVideoError('the file has no video stream');
  const rotation = rotationOf(video);
  const width = Math.round(video.width! * (ratio(video.sample_aspect_ratio, ':') ?? 1));
  const height = video.height!;
  const turned = rotation === 90 || rotation === 270;
  const seconds = toSeconds(output.format?.duration) ?? toSeconds(video.duration);
  return {
    durationMs: seconds === null ? null : Math.round(seconds * 1000),
    width: turned ? height : width,
    height: turned ? width : height,
    rotation,
    videoCodec: video.codec_name ?? 'unknown',
    audioCodec: streams.find((s) => s.codec_type === 'audio')?.codec_name ?? null,
    frameRate: ratio(video.avg_frame_rate, '/'),
    container: output.format?.format_name ?? null,
    pixelFormat: video.pix_fmt ?? null,
  };
}

/**
 * Clockwise degrees a player turns the picture. ffprobe 5+ reports the display matrix as side
 * data, counter-clockwise (`rotation: -90` is a phone held upright); older versions wrote the
 * `rotate` tag, clockwise (`"90"`).
 */
function rotationOf(stream: FfprobeStream): number {
  const matrix = stream.side_data_list?.find((d) => typeof d.rotation === 'number')?.rotation;
  const degrees = matrix !== undefined ? -matrix : Number(stream.tags?.rotate ?? 0);
  if (!Number.isFinite(degrees)) return 0;
  return (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
}

/** `"30000/1001"` or `"4:3"` as a number; null for `0/0`, `N/A` or nothing. */
function ratio(value: string | undefined, separator: '/' | ':'): number | null {
  const [num, den] = (value ?? '').split(separator).map(Number);
  return num && den && Number.isFinite(num / den) ? num / den : null;
}

function toSeconds(value: string | undefined): number | null {
  const seconds = Number(value);
  return value && Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}
