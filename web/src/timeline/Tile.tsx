import { memo, useRef, useState } from 'react';
import { thumbnailUrl } from '../api/client';
import { Icon } from '../app/icons';
import { altText } from './alt-text';
import { durationLabel } from './dates';
import type { GridItem } from './grid-item';
import { placeholderUrl } from './thumbhash-url';

export interface TileHandlers {
  /** A click on the photo (with its modifier keys). */
  onActivate(item: GridItem, event: { shiftKey: boolean }): void;
  /** A click on the check circle, Space, or a long press on a touch screen. */
  onSelect(item: GridItem, event: { shiftKey: boolean }): void;
}

interface Props extends TileHandlers {
  item: GridItem;
  left: number;
  top: number;
  width: number;
  height: number;
  selected: boolean;
  selecting: boolean;
  tabbable: boolean;
  /**
   * Whose it is ("Alice"; "" while the name is not known), when someone else's and the page
   * marks such photos.
   */
  owner?: string;
}

const LONG_PRESS_MS = 500;

/** Said after the alt text: a tile with no picture yet, or none to come, says why. */
const STATUS_SUFFIX: Record<GridItem['status'], string> = {
  ready: '',
  processing: ', still processing',
  failed: ', could not be processed',
};

/**
 * One thumbnail: a link that opens the viewer, over its thumbhash, with a check circle.
 *
 * [Note: Tiles without a thumbnail]
 * A tile asks for its thumbnail only once the server says there is one (`thumbnailVersion`):
 * while an asset is processing it shows its thumbhash, or a pulsing placeholder, and the grid
 * fetches the month again until it is done (timeline-source.ts); a failed asset shows a broken
 * image mark, its reason is in the viewer. Asking anyway cost one 404 per tile on every visit
 * (55 of them while 62 uploads were processed), and left failed assets as blank grey tiles.
 */
export const Tile = memo(function Tile(props: Props) {
  const { item, selected, selecting } = props;
  const [loaded, setLoaded] = useState(false);
  const press = useRef<{ timer: number; x: number; y: number; fired: boolean }>(undefined);
  const alt = altText(item) + STATUS_SUFFIX[item.status];
  const hasThumbnail = item.thumbnailVersion !== null;
  const placeholder = placeholderUrl(item.thumbhash);

  const endPress = () => {
    if (press.current) clearTimeout(press.current.timer);
  };

  return (
    <div
      className={`tile${selected ? ' selected' : ''}${selecting ? ' selecting' : ''}`}
      style={{
        transform: `translate(${props.left}px, ${props.top}px)`,
        width: props.width,
        height: props.height,
        backgroundImage: placeholder && !loaded ? `url(${placeholder})` : undefined,
      }}
    >
      <a
        href={`?view=${item.id}`}
        className="tile-link"
        data-tile={item.id}
        tabIndex={props.tabbable ? 0 : -1}
        aria-label={selected ? `${alt}, selected` : alt}
        draggable={false}
        onClick={(e) => {
          e.preventDefault();
          if (press.current?.fired) {
            press.current = undefined;
            return;
          }
          props.onActivate(item, e);
        }}
        onPointerDown={(e) => {
          if (e.pointerType !== 'touch') return;
          const state = { x: e.clientX, y: e.clientY, fired: false, timer: 0 };
          state.timer = window.setTimeout(() => {
            state.fired = true;
            props.onSelect(item, { shiftKey: false });
          }, LONG_PRESS_MS);
          press.current = state;
        }}
        onPointerMove={(e) => {
          const p = press.current;
          if (p && Math.hypot(e.clientX - p.x, e.clientY - p.y) > 10) endPress();
        }}
        onPointerUp={endPress}
        onPointerCancel={endPress}
        onContextMenu={(e) => {
          if (press.current?.fired) e.preventDefault();
        }}
      >
        {hasThumbnail ? (
          <img
            src={thumbnailUrl(item.id, item.thumbnailVersion)}
            alt={alt}
            loading="lazy"
            decoding="async"
            draggable={false}
            className={loaded ? 'loaded' : undefined}
            onLoad={() => setLoaded(true)}
          />
        ) : (
          item.status === 'processing' && (
            <span className={`tile-processing${placeholder ? '' : ' empty'}`} aria-hidden="true" />
          )
        )}
      </a>
      {item.status === 'failed' && (
        <span className="tile-failed" title="Could not be processed" aria-hidden="true">
          <Icon name="brokenImage" />
        </span>
      )}
      {item.type === 'video' && (
        <span className="tile-badge">
          <span aria-hidden="true">▶</span> {item.duration != null && durationLabel(item.duration)}
        </span>
      )}
      {props.owner !== undefined && (
        // A partner's photo in my timeline (GET /api/partners sets which): theirs, read-only.
        <span
          className="tile-partner"
          title={props.owner ? `${props.owner}’s photo` : 'A partner’s photo'}
        >
          {props.owner || 'Partner'}
        </span>
      )}
      {/* Someone else's favorite is theirs, not mine: not marked in my grid. */}
      {item.isFavorite && !item.ownerId && (
        <span className="tile-favorite" title="Favorite" aria-label="Favorite">
          ♥
        </span>
      )}
      <button
        type="button"
        role="checkbox"
        aria-checked={selected}
        aria-label={`Select ${alt.charAt(0).toLowerCase()}${alt.slice(1)}`}
        className="tile-check"
        tabIndex={-1}
        onClick={(e) => props.onSelect(item, e)}
      >
        <span aria-hidden="true">✓</span>
      </button>
    </div>
  );
});
