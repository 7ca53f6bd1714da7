import type { Asset, PlaybackStatus } from '../assets/asset.js';
import type { VideoProbe } from './video-prober.js';
import { reasonForPeople } from '../jobs/failure-reasons.js';

/**
 * [Note: Video playback]
 * A video plays in a browser through `GET /api/assets/{id}/video`: the original when every
 * mainstream browser plays it as it is (an MP4 or MOV holding 8-bit 4:2:0 H.264 with AAC, MP3 or
 * no sound), else an H.264/AAC MP4 that the `playback` step encodes, with its index first
 * (`+faststart`) so playing starts before the whole file has arrived. A long video also gets HLS
 * (`/hls/index.m3u8`): a few sizes cut into segments, so a slow connection plays a smaller one and
 * seeking fetches only what is needed. KEEPSAKE_VIDEO_TRANSCODE says when to encode: `needed`
 * (the default), `always` (every video, e.g. to shrink 4K originals), or `never` (the original is
 * served whatever it holds: Safari plays HEVC, other browsers may not).
 */
export type TranscodePolicy = 'never' | 'needed' | 'always';

export interface PlaybackPolicy {
  transcode: TranscodePolicy;
  /** The short side of an encoded copy, in pixels; a smaller video keeps its size. */
  targetHeight: number;
  /** Videos longer than this also get HLS. */
  hlsMinSeconds: number;
}

export interface VideoSize {
  width: number;
  height: number;
}

/** What the playback step makes for one video. */
export interface PlaybackPlan {
  /** The original plays everywhere as it is. */
  playsAsIs: boolean;
  /** The size of the encoded MP4; null when the original is served. */
  encode: VideoSize | null;
  /** The HLS variants, largest first; empty for no HLS. */
  hls: VideoSize[];
}

/** What ffprobe calls the containers that browsers open: MP4 and QuickTime share one name. */
const PLAYABLE_CONTAINER = /(^|,)(mov|mp4)(,|$)/;
/** 4:2:0, 8 bits; `yuvj420p` is the same in full range, which phones write and browsers play. */
const PLAYABLE_PIXELS = new Set(['yuv420p', 'yuvj420p']);
const PLAYABLE_AUDIO = new Set(['aac', 'mp3']);

export function playsInEveryBrowser(probe: VideoProbe): boolean {
  return (
    PLAYABLE_CONTAINER.test(probe.container ?? '') &&
    probe.videoCodec === 'h264' &&
    PLAYABLE_PIXELS.has(probe.pixelFormat ?? '') &&
    (probe.audioCodec === null || PLAYABLE_AUDIO.has(probe.audioCodec))
  );
}

export function planPlayback(probe: VideoProbe, policy: PlaybackPolicy): PlaybackPlan {
  const playsAsIs = playsInEveryBrowser(probe);
  if (policy.transcode === 'never') return { playsAsIs, encode: null, hls: [] };
  const target = scaledToShortSide(probe, policy.targetHeight);
  const encode = policy.transcode === 'always' || !playsAsIs ? target : null;
  const long = probe.durationMs !== null && probe.durationMs > policy.hlsMinSeconds * 1000;
  const hls = long ? [target, scaledToShortSide(target, Math.floor(shortSide(target) / 2))] : [];
  return { playsAsIs, encode, hls };
}

/**
 * The size with its short side at most `short` pixels (never enlarged), both sides even: H.264 in
 * 4:2:0 halves the colour planes, so odd sizes cannot be encoded.
 */
export function scaledToShortSide(size: VideoSize, short: number): VideoSize {
  const scale = Math.min(1, short / shortSide(size));
  return { width: even(size.width * scale), height: even(size.height * scale) };
}

const shortSide = (size: VideoSize): number => Math.min(size.width, size.height);
const even = (pixels: number): number => Math.max(2, 2 * Math.round(pixels / 2));

/** How an asset plays, as clients see it; null for a still. */
export interface PlaybackView {
  status: PlaybackStatus;
  error: string | null;
  hls: boolean;
}

export function playbackViewOf(asset: Asset): PlaybackView | null {
  if (asset.type !== 'video') return null;
  if (asset.playback)
    return {
      status: asset.playback.status,
      error: asset.playback.error && reasonForPeople(asset.playback.error),
      hls: asset.playback.hlsKey !== null,
    };
  // A video that failed before the playback step (unreadable) never reaches it.
  if (asset.status === 'failed')
    return { status: 'failed', error: asset.error && reasonForPeople(asset.error), hls: false };
  return { status: 'pending', error: null, hls: false };
}
