import { Readable } from 'node:stream';
import { AppError } from '../errors.js';
import { withQuery } from '../media/hls-playlist.js';
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
  /** The URL named the version of these bytes: they may be cached for good. */
  immutable?: boolean;
  /** These are the original's own bytes (it plays as it is), not a copy made from it. */
  isOriginal?: boolean;
}

/*
 * [Note: HLS caching]
 * A run again writes the HLS set under the same names, so a name alone cannot be cached for
 * good. The set's version (the stat of its index.m3u8, which every run writes anew) is written
 * into each playlist as `v=` on every name it lists; a variant playlist or segment asked for
 * with the current version is answered `immutable`. index.m3u8 itself, the entry point, and an
 * out-of-date version are revalidated (the ETag makes that cheap).
 */

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
        isOriginal: true,
      };
    }
    throw notPlayable(asset);
  }

  /**
   * A file of the video's HLS set: `index.m3u8`, a variant playlist or a segment; `version` is
   * the `v=` its URL carried. See: [Note: HLS caching].
   */
  async hlsFile(
    ownerId: string,
    id: string,
    name: string,
    version?: string,
  ): Promise<PlayableDownload> {
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
    const file = await this.download(asset, key, HLS_TYPES[name.slice(name.lastIndexOf('.') + 1)]!);
    const isPlaylist = name.endsWith('.m3u8');
    if (!isPlaylist && version === undefined) return file;
    const current = key === hlsKey ? file.etag.slice(1, -1) : await this.versionOf(hlsKey);
    const immutable = name !== 'index.m3u8' && version === current;
    if (!isPlaylist) return { ...file, immutable };
    return rewrittenPlaylist(
      { ...file, immutable },
      (text) => withQuery(text, 'v', current),
      `"${file.etag.slice(1, -1)}-${current}"`,
    );
  }

  /** See: [Note: Reading someone else's asset]. */
  private async videoOrFail(userId: string, id: string): Promise<Asset> {
    const asset = await readableAsset(this.assets, this.readGrants, userId, id);
    if (!asset) throw new AppError('ASSET_NOT_FOUND', 'No such asset.');
    if (asset.type !== 'video')
      throw new AppError('VIDEO_NOT_PLAYABLE', 'This asset is a photo: it has no video to play.');
    return asset;
  }

  private async versionOf(key: string): Promise<string> {
    const stat = await this.blobs.stat(key);
    if (!stat) throw new AppError('VIDEO_NOT_PLAYABLE', 'No such file; it may be made again.');
    return `${stat.size.toString(36)}-${stat.modifiedAt.getTime().toString(36)}`;
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

/** The playlist `file` with its text rewritten, served from memory under `etag`. */
export async function rewrittenPlaylist(
  file: PlayableDownload,
  rewrite: (text: string) => string,
  etag: string,
): Promise<PlayableDownload> {
  const chunks: Buffer[] = [];
  for await (const chunk of await file.open()) chunks.push(chunk as Buffer);
  const playlist = Buffer.from(rewrite(Buffer.concat(chunks).toString('utf8')));
  return {
    asset: file.asset,
    size: playlist.length,
    mimeType: file.mimeType,
    etag,
    immutable: file.immutable,
    open: async (range) =>
      Readable.from([range ? playlist.subarray(range.start, range.end + 1) : playlist]),
  };
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
