import type { VideoSize } from '../../core/media/playback-rules.js';

/**
 * ffmpeg's arguments for the playable copies, apart from the input and the output. Kept apart
 * from the runner so the benchmark runs plain ffmpeg with exactly these.
 *
 * ffmpeg turns the picture upright itself (it applies the display matrix before the filters and
 * writes none), so the sizes here are the displayed ones. The scale also stretches anamorphic
 * video to square pixels.
 */
const H264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-profile:v', 'high'];
const AAC = ['-c:a', 'aac', '-b:a', '128k', '-ac', '2'];
const QUIET = ['-nostdin', '-hide_banner', '-loglevel', 'error', '-y'];
/** HLS segments of about this long: each starts with a keyframe, so any one plays on its own. */
const SEGMENT_SECONDS = 6;

const picture = (size: VideoSize) => `scale=${size.width}:${size.height},setsar=1,format=yuv420p`;

/**
 * A ceiling on the bit rate (constant quality below it), about 3.5 bits a pixel a second: a
 * player can then tell from the playlist which variant its connection carries.
 */
const maxRateKbps = (size: VideoSize) =>
  Math.max(300, Math.round((size.width * size.height * 3.5) / 1000));
const rateCap = (size: VideoSize, stream = 'v') => {
  const kbps = maxRateKbps(size);
  return [`-maxrate:${stream}`, `${kbps}k`, `-bufsize:${stream}`, `${2 * kbps}k`];
};

/** An H.264/AAC MP4 with its index at the front (`+faststart`), so playing starts at once. */
export function mp4Args(input: string, size: VideoSize, output: string): string[] {
  return [
    ...QUIET,
    ...['-i', input],
    // V, not v: not cover art. The sound is optional: `?` maps it only when there is one.
    ...['-map', '0:V:0', '-map', '0:a:0?', '-sn', '-dn', '-map_metadata', '-1'],
    ...['-vf', picture(size), ...H264, ...rateCap(size), ...AAC],
    ...['-movflags', '+faststart', '-f', 'mp4', output],
  ];
}

/**
 * One decode split into every variant, cut into MPEG-TS segments in `folder`: `index.m3u8` (the
 * master playlist), `stream_<n>.m3u8` and `stream_<n>_<nnn>.ts`.
 */
export function hlsArgs(
  input: string,
  sizes: readonly VideoSize[],
  audio: boolean,
  folder: string,
): string[] {
  const split = `[0:V:0]split=${sizes.length}${sizes.map((_, i) => `[s${i}]`).join('')}`;
  const scales = sizes.map((size, i) => `[s${i}]${picture(size)}[v${i}]`);
  return [
    ...QUIET,
    ...['-i', input],
    ...['-filter_complex', [split, ...scales].join(';')],
    ...sizes.flatMap((_, i) => ['-map', `[v${i}]`, ...(audio ? ['-map', '0:a:0'] : [])]),
    ...H264,
    ...sizes.flatMap((size, i) => rateCap(size, `v:${i}`)),
    ...(audio ? AAC : []),
    ...['-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS})`],
    ...['-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_playlist_type', 'vod'],
    ...['-hls_flags', 'independent_segments', '-hls_segment_type', 'mpegts'],
    ...['-hls_segment_filename', `${folder}/stream_%v_%03d.ts`],
    ...['-master_pl_name', 'index.m3u8'],
    ...['-var_stream_map', sizes.map((_, i) => (audio ? `v:${i},a:${i}` : `v:${i}`)).join(' ')],
    `${folder}/stream_%v.m3u8`,
  ];
}
