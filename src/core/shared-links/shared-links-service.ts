import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AlbumsService } from '../albums/albums-service.js';
import type { Asset, RenditionSize } from '../assets/asset.js';
import type { AssetsService, BlobDownload } from '../assets/assets-service.js';
import {
  rewrittenPlaylist,
  type PlaybackService,
  type PlayableDownload,
} from '../assets/playback-service.js';
import type {
  ReceivedFile,
  UploadInfo,
  UploadResult,
  UploadService,
} from '../assets/upload-service.js';
import { AppError } from '../errors.js';
import type { Clock } from '../ports/clock.js';
import type { PasswordHasher } from '../users/user.js';
import { withToken } from '../media/hls-playlist.js';
import type { LinkKeySealer } from './link-key-sealer.js';
import type { SharedLinkRepository } from './shared-link-repository.js';
import type { SharedLink, SharedLinkOptions, SharedLinkTarget } from './shared-link.js';
import type { StrippedCopies } from './stripped-copies.js';

/*
 * [Note: Shared link access]
 * A guest holds only a key. `openOrFail` finds the link by the key's SHA-256 and answers one and
 * the same "not found" for an unknown, expired or revoked key, or a key of a user who is disabled
 * or awaiting deletion (it works again once they are restored), so none tells a guesser
 * anything; nor does a link show the photos of such a user that sit in a shared album. A link
 * with a password then wants it (argon2, like account passwords) or the access token handed out
 * once it was given: images and videos are fetched by URL, where no header can go, and argon2 on
 * every thumbnail would be slow. The token is derived from the stored hash, so it needs no
 * storage and stops working with the link. Every asset route then asks `shows(link, assetId)`:
 * an id the link does not show answers "not found" whatever its owner, and what is served is read
 * as the link's owner, never as anyone else.
 */
export interface SharedLinkAccess {
  link: SharedLink;
  /** Pass as `token` on asset URLs of a link with a password; null without one. */
  token: string | null;
}

/** A key or password given by a guest. */
export interface GuestSecret {
  password?: string;
  token?: string;
}

/** `stripped`: a copy without location. See: [Note: Stripped copies are kept]. */
export type SharedOriginal = BlobDownload & { stripped: boolean };

const MAX_SELECTION = 10_000;
export const MIN_LINK_PASSWORD_LENGTH = 8;

/** Links that show an album or a selection to people without an account. */
export class SharedLinksService {
  constructor(
    private readonly links: SharedLinkRepository,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    private readonly library: {
      albums: AlbumsService;
      assets: AssetsService;
      playback: PlaybackService;
      uploads: UploadService;
    },
    private readonly strippedCopies: StrippedCopies,
    private readonly keySealer: LinkKeySealer,
  ) {}

  /**
   * Only one's own album or photos. The key is stored only hashed and sealed: see
   * [Note: Shared link keys can be copied again].
   */
  async create(
    userId: string,
    target: SharedLinkTarget,
    options: SharedLinkOptions,
  ): Promise<{ link: SharedLink; key: string }> {
    // Guests may guess 60 a minute per address: a one-letter password would not hold an hour.
    if (options.password && options.password.length < MIN_LINK_PASSWORD_LENGTH)
      throw new AppError(
        'VALIDATION_FAILED',
        `A link's password must be at least ${MIN_LINK_PASSWORD_LENGTH} characters long.`,
      );
    let albumId: string | null = null;
    let assetIds: string[] = [];
    if ('albumId' in target) {
      const album = await this.library.albums.getOrFail(userId, target.albumId);
      // Someone else's album shared with me is not mine to hand out.
      if (album.ownerId !== userId) throw new AppError('ALBUM_NOT_FOUND', 'No such album.');
      albumId = album.id;
    } else {
      assetIds = [...new Set(target.assetIds)];
      if (assetIds.length === 0 || assetIds.length > MAX_SELECTION)
        throw new AppError('VALIDATION_FAILED', `Share 1 to ${MAX_SELECTION} photos.`);
      const shareable = await this.links.shareableAssetIds(userId, assetIds);
      if (assetIds.some((id) => !shareable.has(id)))
        throw new AppError(
          'VALIDATION_FAILED',
          'Only your own photos (not in the trash) can be shared.',
        );
    }
    const now = this.clock.now();
    const expiresAt = options.expiresAt ? new Date(options.expiresAt) : null;
    if (expiresAt && !(expiresAt > now))
      throw new AppError('VALIDATION_FAILED', 'The expiry must be in the future.');
    const key = randomBytes(32).toString('base64url');
    const id = crypto.randomUUID();
    await this.links.create({
      id,
      ownerId: userId,
      keyHash: sha256(key),
      keySealed: await this.keySealer.seal(id, key),
      albumId,
      assetIds,
      expiresAt: expiresAt?.toISOString() ?? null,
      passwordHash: options.password ? await this.hasher.hash(options.password) : null,
      allowDownload: options.allowDownload ?? false,
      allowUpload: options.allowUpload ?? false,
      hideLocation: options.hideLocation ?? false,
      createdAt: now.toISOString(),
    });
    const found = (await this.links.listFor(userId)).find((l) => l.id === id);
    if (!found) throw new AppError('SHARED_LINK_NOT_FOUND', 'No such link.');
    const { keySealed: _, ...link } = found;
    return { link, key };
  }

  /**
   * The owner's links, each with its key while it still opens something (not revoked), and when
   * it can be unsealed: see [Note: Shared link keys can be copied again].
   */
  async list(userId: string): Promise<{ link: SharedLink; key: string | null }[]> {
    const links = await this.links.listFor(userId);
    return Promise.all(
      links.map(async ({ keySealed, ...link }) => ({
        link,
        key:
          (keySealed && !link.revokedAt && (await this.keySealer.open(link.id, keySealed))) || null,
      })),
    );
  }

  /** Stops the link at once; it stays in the owner's list as revoked. */
  async revoke(userId: string, id: string): Promise<void> {
    if (!(await this.links.revoke(userId, id, this.clock.now().toISOString())))
      throw new AppError('SHARED_LINK_NOT_FOUND', 'No such link.');
  }

  /** See: [Note: Shared link access]. */
  async openOrFail(key: string, secret: GuestSecret): Promise<SharedLinkAccess> {
    const found = await this.links.findByKeyHash(sha256(key));
    const now = this.clock.now().toISOString();
    const expired = found?.expiresAt != null && found.expiresAt <= now;
    if (!found || !found.ownerActive || found.revokedAt || expired)
      throw new AppError(
        'SHARED_LINK_NOT_FOUND',
        'This link does not exist, has expired or was revoked.',
      );
    const { passwordHash, ownerActive: _, ...link } = found;
    if (!passwordHash) return { link, token: null };
    const token = sha256(`${link.id}:${passwordHash}`);
    if (secret.token && sameText(secret.token, token)) return { link, token };
    if (!secret.password)
      throw new AppError('PASSWORD_REQUIRED', 'This link is protected by a password.');
    if (!(await this.hasher.verify(passwordHash, secret.password)))
      throw new AppError('PASSWORD_WRONG', 'Wrong password for this link.');
    return { link, token };
  }

  assets({ link }: SharedLinkAccess): Promise<Asset[]> {
    return this.links.assetsOf(link);
  }

  async rendition(access: SharedLinkAccess, assetId: string, size: RenditionSize) {
    const ownerId = await this.shownOrFail(access, assetId);
    return this.library.assets.rendition(ownerId, assetId, size);
  }

  async video(
    access: SharedLinkAccess,
    assetId: string,
  ): Promise<PlayableDownload & SharedOriginal> {
    const ownerId = await this.shownOrFail(access, assetId);
    const video = await this.library.playback.video(ownerId, assetId);
    // A video that plays as it is would be served as the original itself: a link without
    // downloads must not give that away. Its HLS set (long videos) is made by ffmpeg, and plays.
    if (video.isOriginal && !access.link.allowDownload)
      throw new AppError(
        'DOWNLOAD_NOT_ALLOWED',
        'This video plays only as its original file, which this link does not allow downloading.',
      );
    // A video file carries its location in its own metadata, which encoding may copy.
    if (!access.link.hideLocation) return { ...video, stripped: false };
    return {
      ...(await this.stripped(video, video.etag.slice(1, -1))),
      mimeType: video.mimeType,
      etag: `${video.etag.slice(0, -1)}-nogps"`,
    };
  }

  /**
   * A file of a shared video's HLS set, read as its owner would (the same names, the same refusal
   * of a name outside the set). A playlist of a link with a password names its files with the
   * token. With hidden locations too: MPEG-TS segments and playlists carry no location metadata.
   * `version` as for the owner: see [Note: HLS caching] in core/assets/playback-service.ts.
   */
  async hlsFile(
    access: SharedLinkAccess,
    assetId: string,
    name: string,
    version?: string,
  ): Promise<PlayableDownload> {
    const ownerId = await this.shownOrFail(access, assetId);
    const file = await this.library.playback.hlsFile(ownerId, assetId, name, version);
    const { token } = access;
    if (!token || !name.endsWith('.m3u8')) return { ...file, directUrl: undefined };
    return rewrittenPlaylist(
      file,
      (text) => withToken(text, token),
      `${file.etag.slice(0, -1)}-t"`,
    );
  }

  /** The original, or a copy of it without location when the link hides it. */
  async original(access: SharedLinkAccess, assetId: string): Promise<SharedOriginal> {
    const ownerId = await this.shownOrFail(access, assetId);
    if (!access.link.allowDownload)
      throw new AppError('DOWNLOAD_NOT_ALLOWED', 'This link does not allow downloading originals.');
    const original = await this.library.assets.original(ownerId, assetId);
    if (!access.link.hideLocation) return { ...original, stripped: false };
    return this.stripped(original, original.asset.checksum);
  }

  /** Into the link owner's library, and into the album for an album link. */
  async upload(
    access: SharedLinkAccess,
    received: ReceivedFile,
    info: UploadInfo,
  ): Promise<UploadResult> {
    const { link } = access;
    if (!link.allowUpload) {
      await received.discard();
      throw new AppError('UPLOAD_NOT_ALLOWED', 'This link does not allow uploading.');
    }
    const result = await this.library.uploads.accept(link.ownerId, received, info);
    if (link.albumId) await this.library.albums.addAssets(link.ownerId, link.albumId, [result.id]);
    return result;
  }

  /** The asset's owner, as whom it is read. */
  private async shownOrFail({ link }: SharedLinkAccess, assetId: string): Promise<string> {
    const ownerId = await this.links.ownerOfShown(link, assetId);
    if (!ownerId) throw new AppError('ASSET_NOT_FOUND', 'No such asset.');
    return ownerId;
  }

  /** `version` names the bytes of `download`. See: [Note: Stripped copies are kept]. */
  private async stripped(download: BlobDownload, version: string): Promise<SharedOriginal> {
    const copy = await this.strippedCopies.of({ download, version });
    if (!copy)
      throw new AppError(
        'LOCATION_NOT_REMOVABLE',
        'This link hides locations, and the location cannot be removed from this file’s format, so it is not served.',
      );
    return { ...copy, stripped: true };
  }
}

const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
