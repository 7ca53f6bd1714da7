import { useCallback, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { Asset } from '../api/client';
import { emitAssetsChanged } from '../app/events';
import { PhotoActivityPanel } from '../albums/PhotoActivityPanel';
import { usePhotoActivity } from '../albums/usePhotoActivity';
import { useUser } from '../auth/session';
import { FaceBoxes } from '../people/FaceBoxes';
import { useAssetFaces } from '../people/use-asset-faces';
import { saveAsset } from './asset-cache';
import { AssetStage } from './AssetStage';
import { InfoPanel } from './InfoPanel';
import type { Swipe } from './swipe';
import { useAnnouncement } from './use-announcement';
import { useAssetActions } from './use-asset-actions';
import { useModal } from './use-modal';
import { useNeighbours } from './use-neighbours';
import { useNotice } from './use-notice';
import { useSidePanel } from './use-side-panel';
import { useViewerAsset } from './use-viewer-asset';
import { useViewerKeys } from './use-viewer-keys';
import type { ViewerProps } from './Viewer';
import { ViewerNav } from './ViewerNav';
import { ViewerNotice } from './ViewerNotice';
import { ViewerToolbar } from './ViewerToolbar';
import './viewer.css';

/**
 * The full-screen viewer: one asset at a time over the page (portalled into <body>, the page made
 * inert), with its actions, keyboard shortcuts, neighbours preloaded and the info panel.
 */
export default function ViewerOverlay({
  assetId,
  sequence,
  onChange,
  onClose,
  album,
}: ViewerProps) {
  const dialogRef = useRef<HTMLDivElement>(null);
  const release = useModal(dialogRef);
  const user = useUser();
  const { asset, current, loadError, setAsset } = useViewerAsset(assetId);
  const activity = usePhotoActivity(album?.id, assetId);
  const panel = useSidePanel(!!activity);
  const { announcement, announce } = useAnnouncement(current);
  const { notice, setNotice, dismissNotice } = useNotice();
  // Someone else's photo (a shared album, a partner's): to look at and download, not to change.
  const mine = !current || current.ownerId === user.id;
  // Faces show with the info: boxes over the photo, names in the panel.
  const { faces, reload: reloadFaces } = useAssetFaces(
    current?.type === 'image' && current.status === 'ready' ? current.id : undefined,
    panel.side === 'info',
  );

  const close = useCallback(() => {
    release();
    onClose();
  }, [release, onClose]);
  const { known, step } = useNeighbours(assetId, sequence, onChange, announce);
  const { toggleFavorite, moveToTrash } = useAssetActions({
    current,
    setAsset,
    known,
    sequence,
    close,
    onChange,
    announce,
    setNotice,
  });
  useViewerKeys({ close, step, toggleFavorite, moveToTrash, toggleInfo: panel.toggleInfo, mine });

  const onSwipe = useCallback(
    (swipe: NonNullable<Swipe>) =>
      swipe === 'close' ? close() : void step(swipe === 'next' ? 1 : -1),
    [close, step],
  );
  const onInfoChanged = (changed: Asset) => {
    saveAsset(changed);
    setAsset((a) => (a?.id === changed.id ? changed : a));
    emitAssetsChanged();
  };

  return createPortal(
    <div
      ref={dialogRef}
      className={`viewer${panel.side ? ' with-info' : ''}`}
      role="dialog"
      aria-modal="true"
      aria-label="Photo viewer"
      tabIndex={-1}
    >
      <div className="viewer-main">
        <AssetStage
          shown={asset}
          loadError={loadError}
          current={current}
          onSwipe={onSwipe}
          onClose={close}
          overlay={
            faces && faces.length > 0 && asset?.id === current?.id ? (
              <FaceBoxes faces={faces} />
            ) : undefined
          }
        />
        <ViewerToolbar
          assetId={assetId}
          current={current}
          mine={mine}
          activity={activity}
          activityOpen={panel.activityOpen}
          infoOpen={panel.side === 'info'}
          onClose={close}
          onToggleFavorite={() => void toggleFavorite()}
          onToggleActivity={panel.toggleActivity}
          onMoveToTrash={() => void moveToTrash()}
          onToggleInfo={panel.toggleInfo}
        />
        <ViewerNav known={known} onStep={(direction) => void step(direction)} />
        {notice && <ViewerNotice notice={notice} onDismiss={dismissNotice} />}
      </div>

      {panel.side === 'activity' && activity && (
        <PhotoActivityPanel activity={activity} onClose={panel.closeActivity} />
      )}
      {panel.side === 'info' && current && (
        <InfoPanel
          asset={current}
          faces={faces}
          onClose={panel.closeInfo}
          onChanged={onInfoChanged}
          onFacesChanged={reloadFaces}
        />
      )}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>,
    document.body,
  );
}
