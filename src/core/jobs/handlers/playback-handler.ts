import { renditionsPrefixFor, type Asset, type Playback } from '../../assets/asset.js';
import type { AssetRepository } from '../../assets/asset-repository.js';
import { planPlayback, type PlaybackPolicy } from '../../media/playback-rules.js';
import { MediaToolMissingError, UnreadableVideoError } from '../../media/video-errors.js';
import type { VideoProber } from '../../media/video-prober.js';
import {
  TranscodeTimeoutError,
  type PlayableCopies,
  type VideoTranscoder,
} from '../../media/video-transcoder.js';
import type { BlobStore } from '../../ports/blob-store.js';
import { completed, failed, type AssetJobHandler } from '../asset-job.js';
import { reasonForPeople } from '../failure-reasons.js';

export interface PlaybackSettings extends PlaybackPolicy {
  timeoutMs: number;
}

/**
 * Makes a video playable in every browser (see [Note: Video playback] in
 * core/media/playback-rules.ts). It runs after the thumbnails, on its own queue: the asset is
 * ready with its poster frame before a long encode starts, and a failed encode leaves it so,
 * with the reason on `playback`.
 */
export const playbackHandler =
  (
    assets: AssetRepository,
    blobs: BlobStore,
    prober: VideoProber,
    transcoder: VideoTranscoder,
    settings: PlaybackSettings,
  ): AssetJobHandler =>
  async (assetId) => {
    const asset = await assets.get(assetId);
    if (!asset || asset.type !== 'video') return completed;
    let playback: Playback;
    try {
      playback = await blobs.withLocalFile(asset.originalKey, async (path) => {
        const probe = await prober.probe(path);
        const plan = planPlayback(probe, settings);
        if (!plan.encode && plan.hls.length === 0)
          return { status: 'original', encodedKey: null, hlsKey: null, error: null };
        const order = { ...plan, audio: probe.audioCodec !== null, timeoutMs: settings.timeoutMs };
        return transcoder.withPlayableCopies(path, order, (copies) => store(blobs, asset, copies));
      });
    } catch (error) {
      const reason = expectedFailure(error);
      if (reason === undefined) throw error;
      await assets.savePlayback(assetId, {
        status: 'failed',
        encodedKey: null,
        hlsKey: null,
        error: reasonForPeople(reason),
      });
      return failed(reason);
    }
    await assets.savePlayback(assetId, playback);
    return completed;
  };

/** Stores the copies (a run again overwrites them) and says where they are. */
async function store(blobs: BlobStore, asset: Asset, copies: PlayableCopies): Promise<Playback> {
  // Beside its thumbnails, so a purge removes them together.
  const prefix = renditionsPrefixFor(asset.id);
  let encodedKey: string | null = null;
  if (copies.mp4) {
    encodedKey = `${prefix}video.mp4`;
    // Streamed, not read whole: a long home video's copy runs to hundreds of megabytes.
    const staged = await blobs.stage(copies.mp4.open());
    await staged.commit(encodedKey);
  }
  let hlsKey: string | null = null;
  if (copies.hls.length > 0) {
    const hlsPrefix = `${prefix}hls/`;
    const written = new Set<string>();
    for (const file of copies.hls) {
      const key = hlsPrefix + file.name;
      await blobs.put(key, await bytesOf(file.open()));
      written.add(key);
    }
    // Segments of an earlier run that this one did not make again (the settings changed).
    for await (const key of blobs.list(hlsPrefix)) if (!written.has(key)) await blobs.delete(key);
    hlsKey = `${hlsPrefix}index.m3u8`;
  }
  return { status: encodedKey ? 'encoded' : 'original', encodedKey, hlsKey, error: null };
}

async function bytesOf(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The reason to record for an outcome a retry would not change; undefined for anything else. */
function expectedFailure(error: unknown): string | undefined {
  if (error instanceof TranscodeTimeoutError || error instanceof MediaToolMissingError)
    return error.message;
  if (error instanceof UnreadableVideoError) return `The video could not be read: ${error.message}`;
  return undefined;
}
