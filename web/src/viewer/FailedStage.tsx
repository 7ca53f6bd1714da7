import type { HTMLAttributes } from 'react';
import { originalUrl, type Asset } from '../api/client';
import { Icon } from '../app/icons';
import { reasonSentence } from './failure-text';

interface Props {
  asset: Asset;
  /** What failed, as a heading: "This file could not be processed". */
  title: string;
  /** The server's reason (the asset's, or its playback's). */
  reason: string | null | undefined;
  /** The stage's own handlers (a video's touch swipes to the next or previous item). */
  stage?: HTMLAttributes<HTMLDivElement>;
}

/**
 * The stage of an asset that cannot be shown: the mark its tile carries, what failed, the
 * server's reason as a sentence, and the original to download. See: [Note: Tiles without a
 * thumbnail] in timeline/Tile.tsx.
 */
export function FailedStage({ asset, title, reason, stage }: Props) {
  return (
    <div className="viewer-stage" {...stage}>
      <div className="viewer-message viewer-failed" role="alert">
        <Icon name="brokenImage" />
        <h2>{title}</h2>
        <p>{reasonSentence(reason, 'Keepsake did not say why')}</p>
        <a className="button" href={originalUrl(asset.id)} download={asset.originalFileName}>
          Download original
        </a>
      </div>
    </div>
  );
}
