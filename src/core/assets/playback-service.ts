import { AppError } from '../errors.js';
import { playbackViewOf } from '../media/playback-rules.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { Asset } from './asset.js';
import type { AssetRepository } from './asset-repository.js';
import { readableAsset, type AssetReadGrant } from './asset-read-grants.js';
import type { BlobDownload } from './assets-service.js';

export interface PlayableDownload extends BlobDownload {
  mimeType: string;
  /** Changes when the bytes do (a run again re-encodes). */
  etag: string;
}

/** The files of an HLS set a client may ask for by name: no folders, so no way out of the set. */
const HLS_FILE = /^[A-Za-z0-9_-]{1,64}\.(m3u8|ts|m4s|mp4)$/;
const HLS_TYPES: Record<string, string> = {
  m3u8: 'application/vnd.apple.mpegurl',
  ts: 'video/mp2t',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
};

/**
 * A video as a browser plays it: the file to play, or the HLS set. See: [Note: Video playback]
 * in core/media/playback-rules.ts.
 */
export class PlaybackService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly blobs: BlobStore,
    private readonly readGrants: readonly AssetReadGrant[] = [],
  ) {}

  /** The encoded copy, or the original when it plays as it is. */
  async video(ownerId: string, id: string): Promise<PlayableDownload> {
    const asset = await this.videoOrFail(ownerId, id);
    const playback = asset.playback;
    if (playback?.status === 'encoded' && playback.encodedKey)
      return this.download(asset, playback.encodedKey, 'video/mp4');
    if (playback?.status === 'original') {
      // MP4 and QuickTime are one format to a browser, but some refuse `video/quicktime`.
      const type = asset.mimeType === 'video/quicktime' ? 'video/mp4' : asset.mimeType;
      return {
        ...(await this.download(asset, asset.originalKey, type)),
        etag: `"${asset.checksum}"`,
      };
    }
    throw notPlayable(asset);
  }

  /** A file of the video's HLS set: `index.m3u8`, a variant playlist or a segment. */
  async hlsFile(ownerId: string, id: string, name: string): Promise<PlayableDownload> {
    const asset = await this.videoOrFail(ownerId, id);
    const hlsKey = asset.playback?.hlsKey;
    if (!hlsKey) {
      if (asset.playback?.status === 'original' || asset.playback?.status === 'encoded')
        throw new AppError(
          'VIDEO_NOT_PLAYABLE',
          'This video has no HLS: it is short enough to play whole.',
        );
      throw notPlayable(asset);
    }
    if (!HLS_FILE.test(name)) throw new AppError('VIDEO_NOT_PLAYABLE', 'No such HLS file.');
    const key = hlsKey.slice(0, hlsKey.lastIndexOf('/') + 1) + name;
    return this.download(asset, key, HLS_TYPES[name.slice(name.lastIndexOf('.') + 1)]!);
  }

  /** See: [Note: Reading someone else's asset]. */
  private async videoOrFail(userId: string, id: string): Promise<Asset> {
    const asset = await readableAsset(this.assets, this.readGrants, userId, id);
    if (!asset) throw new AppError('ASSET_NOT_FOUND', 'No such asset.');
    if (asset.type !== 'video')
      throw new AppError('VIDEO_NOT_PLAYABLE', 'This asset is a photo: it has no video to play.');
    return asset;
  }

  private async download(asset: Asset, key: string, mimeType: string): Promise<PlayableDownload> {
    const stat = await this.blobs.stat(key);
    if (!stat) throw new AppError('VIDEO_NOT_PLAYABLE', 'No such file; it may be made again.');
    const { blobs } = this;
    return {
      asset,
      size: stat.size,
      mimeType,
      etag: `"${stat.size.toString(36)}-${stat.modifiedAt.getTime().toString(36)}"`,
      open: (range) => blobs.get(key, range),
      directUrl: blobs.presignGet
        ? (seconds, options) => blobs.presignGet!(key, seconds, options)
        : undefined,
    };
  }
}

function notPlayable(asset: Asset): AppError {
  const view = playbackViewOf(asset);
  return new AppError(
    'VIDEO_NOT_PLAYABLE',
    view?.status === 'failed'
      ? `This video could not be made playable: ${view.error}`
      : 'The playable video is not ready yet; try again in a moment.',
  );
}
