import { useRef } from 'react';
import { useAdaptiveVideo } from '../viewer/use-adaptive-video';
import { guestAssetUrl } from './guest-api';
import type { SharedAsset } from './shared-links-api';

/**
 * Its HLS set where it has one (long videos), as in the owner's viewer; else the whole file. A
 * link without downloads has no whole file to offer for a video that plays as its original (the
 * server refuses it): its poster is shown, with why.
 */
export function GuestVideo({
  linkKey,
  token,
  asset,
  allowDownload,
}: {
  linkKey: string;
  token: string | null;
  asset: SharedAsset;
  allowDownload: boolean;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const { src, broken, onError } = useAdaptiveVideo(
    video,
    guestAssetUrl(linkKey, token, asset.id, 'video'),
    asset.playback?.hls ? guestAssetUrl(linkKey, token, asset.id, 'hls') : undefined,
  );
  const poster = guestAssetUrl(linkKey, token, asset.id, 'preview', asset.thumbnailVersion);
  if (!allowDownload && asset.playback?.status === 'original' && !asset.playback.hls)
    return (
      <figure className="guest-video-withheld">
        <img src={poster} alt={asset.originalFileName} />
        <figcaption role="note">
          This video plays only as its original file, and this link does not allow downloads.
        </figcaption>
      </figure>
    );
  if (broken)
    return (
      <p className="error" role="alert">
        This video cannot be played in this browser.
      </p>
    );
  return <video ref={video} src={src} poster={poster} controls playsInline onError={onError} />;
}
