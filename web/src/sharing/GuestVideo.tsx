import { useRef } from 'react';
import { useAdaptiveVideo } from '../viewer/use-adaptive-video';
import { guestAssetUrl } from './guest-api';
import type { SharedAsset } from './shared-links-api';

/** Its HLS set where it has one (long videos), as in the owner's viewer; else the whole file. */
export function GuestVideo({
  linkKey,
  token,
  asset,
}: {
  linkKey: string;
  token: string | null;
  asset: SharedAsset;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const { src, broken, onError } = useAdaptiveVideo(
    video,
    guestAssetUrl(linkKey, token, asset.id, 'video'),
    asset.playback?.hls ? guestAssetUrl(linkKey, token, asset.id, 'hls') : undefined,
  );
  if (broken)
    return (
      <p className="error" role="alert">
        This video cannot be played in this browser.
      </p>
    );
  return (
    <video
      ref={video}
      src={src}
      poster={guestAssetUrl(linkKey, token, asset.id, 'preview', asset.thumbnailVersion)}
      controls
      playsInline
      onError={onError}
    />
  );
}
