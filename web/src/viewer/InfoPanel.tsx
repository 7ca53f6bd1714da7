import type { ReactNode } from 'react';
import { originalUrl, type Asset } from '../api/client';
import { Icon } from '../app/icons';
import { TryAgainButton } from './TryAgainButton';
import {
  formatCamera,
  formatCoordinates,
  formatDimensions,
  formatDuration,
  formatExposure,
  formatFileSize,
  formatPlace,
  formatTakenAt,
  isBrowserDisplayable,
  openStreetMapUrl,
} from './format-info';

/** The facts about the shown asset: when, where, with what, and the file itself. */
export function InfoPanel({
  asset,
  onClose,
  onChanged,
}: {
  asset: Asset;
  onClose(): void;
  /** The server changed the asset (processing again after "Try again"). */
  onChanged(asset: Asset): void;
}) {
  const taken = formatTakenAt(asset.takenAt);
  const camera = formatCamera(asset.make, asset.model);
  const exposure = formatExposure(asset);
  const hasPlace = asset.latitude !== null && asset.longitude !== null;
  const problem =
    asset.status === 'failed'
      ? (asset.error ?? 'Processing failed.')
      : asset.playback?.status === 'failed'
        ? (asset.playback.error ?? 'This video could not be made playable.')
        : null;

  return (
    <aside className="viewer-info" aria-labelledby="viewer-info-title">
      <header>
        <h2 id="viewer-info-title">Info</h2>
        <button type="button" className="icon" aria-label="Close info" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      {asset.description && <p className="viewer-description">{asset.description}</p>}
      <dl>
        <Row label="Taken">
          {taken.local}
          <div className="muted">{taken.zone ?? 'Local time; the time zone is unknown'}</div>
        </Row>
        {hasPlace && (
          <Row label="Place">
            {asset.place && <div>{formatPlace(asset.place)}</div>}
            {formatCoordinates(asset.latitude!, asset.longitude!)}
            <div>
              <a
                href={openStreetMapUrl(asset.latitude!, asset.longitude!)}
                target="_blank"
                rel="noreferrer"
              >
                Show on OpenStreetMap
              </a>
            </div>
          </Row>
        )}
        {(camera || asset.lensModel || exposure) && (
          <Row label="Camera">
            {camera}
            {asset.lensModel && <div>{asset.lensModel}</div>}
            {exposure && <div className="muted">{exposure}</div>}
          </Row>
        )}
        <Row label="File">
          <span className="viewer-file-name">{asset.originalFileName}</span>
          <div className="muted">
            {[
              asset.width && asset.height ? formatDimensions(asset.width, asset.height) : null,
              formatFileSize(asset.fileSize),
              asset.duration ? formatDuration(asset.duration) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </div>
          <div>
            <a href={originalUrl(asset.id)} target="_blank" rel="noreferrer">
              View original
            </a>
            {asset.type === 'image' && !isBrowserDisplayable(asset.mimeType) && (
              <span className="muted">
                {' '}
                ({asset.mimeType}; your browser may download it instead)
              </span>
            )}
          </div>
        </Row>
        {asset.rating !== null && asset.rating > 0 && (
          <Row label="Rating">
            <span aria-label={`${asset.rating} of 5 stars`}>
              {'★'.repeat(Math.min(5, asset.rating))}
              {'☆'.repeat(Math.max(0, 5 - asset.rating))}
            </span>
          </Row>
        )}
        {asset.keywords.length > 0 && (
          <Row label="Keywords">
            <ul className="viewer-keywords">
              {asset.keywords.map((k) => (
                <li key={k}>{k}</li>
              ))}
            </ul>
          </Row>
        )}
        {problem && (
          <Row label="Problem">
            <span className="error">{problem}</span>
            <TryAgainButton asset={asset} onQueued={onChanged} />
          </Row>
        )}
      </dl>
    </aside>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="viewer-info-row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
