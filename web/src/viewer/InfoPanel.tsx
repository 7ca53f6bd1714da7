import type { ReactNode } from 'react';
import { originalUrl, type Asset } from '../api/client';
import { Icon } from '../app/icons';
import { useUser } from '../auth/session';
import { InfoFaces } from '../people/InfoFaces';
import type { Face } from '../people/people-api';
import { InfoTags } from '../tags/InfoTags';
import { InfoText } from '../text/InfoText';
import { DateEditor, DescriptionEditor, PlaceEditor, RatingStars } from './InfoEditors';
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
  faces,
  onClose,
  onChanged,
  onFacesChanged,
}: {
  asset: Asset;
  /** The faces found in the photo (drawn over it too); undefined until known. */
  faces?: readonly Face[];
  onClose(): void;
  /** The server changed the asset (processing again after "Try again", or an edit). */
  onChanged(asset: Asset): void;
  /** A face was named or moved: fetch them again. */
  onFacesChanged(): void;
}) {
  // Someone else's photo (a shared album, a partner): facts to read, nothing to change.
  const mine = asset.ownerId === useUser().id;
  const taken = formatTakenAt(asset.takenAt);
  const camera = formatCamera(asset.make, asset.model);
  const exposure = formatExposure(asset);
  const hasPlace = asset.latitude !== null && asset.longitude !== null;
  const tags = asset.tags ?? [];
  const problem =
    asset.status === 'failed'
      ? (asset.error ?? 'Processing failed.')
      : asset.playback?.status === 'failed'
        ? (asset.playback.error ?? 'This video could not be made playable.')
        : null;

  const takenView = (
    <>
      {taken.local}
      <div className="muted">{taken.zone ?? 'Local time; the time zone is unknown'}</div>
    </>
  );
  const placeView = hasPlace ? (
    <>
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
    </>
  ) : (
    <span className="muted">Unknown</span>
  );

  return (
    <aside className="viewer-info" aria-labelledby="viewer-info-title">
      <header>
        <h2 id="viewer-info-title">Info</h2>
        <button type="button" className="icon" aria-label="Close info" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      {/* The owner's edits: see InfoEditors. Remounted per asset so each form starts afresh. */}
      {mine ? (
        <DescriptionEditor key={`d-${asset.id}`} asset={asset} onChanged={onChanged} />
      ) : (
        asset.description && <p className="viewer-description">{asset.description}</p>
      )}
      <dl>
        <Row label="Taken">
          {mine ? (
            <DateEditor
              key={`t-${asset.id}`}
              asset={asset}
              onChanged={onChanged}
              view={takenView}
            />
          ) : (
            takenView
          )}
        </Row>
        <Row label="Place">
          {mine ? (
            <PlaceEditor
              key={`p-${asset.id}`}
              asset={asset}
              onChanged={onChanged}
              view={placeView}
            />
          ) : (
            placeView
          )}
        </Row>
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
        {mine ? (
          <Row label="Rating">
            <RatingStars asset={asset} onChanged={onChanged} />
          </Row>
        ) : (
          asset.rating !== null &&
          asset.rating > 0 && <Row label="Rating">{`${asset.rating} of 5 stars`}</Row>
        )}
        {faces && faces.length > 0 && (
          <Row label="People">
            <InfoFaces asset={asset} faces={faces} mine={mine} onChanged={onFacesChanged} />
          </Row>
        )}
        {tags.length > 0 && (
          <Row label="Things">
            <InfoTags tags={tags} />
          </Row>
        )}
        {asset.type === 'image' && asset.status === 'ready' && (
          <InfoText key={`x-${asset.id}`} assetId={asset.id} />
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
            {mine && <TryAgainButton asset={asset} onQueued={onChanged} />}
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
