import { useLayoutEffect, useRef, useState } from 'react';
import { justify, layoutAspect } from '../timeline/justified-rows';
import { placeholderUrl } from '../timeline/thumbhash-url';
import { guestAssetUrl } from './guest-api';
import type { SharedAsset } from './shared-links-api';

/** The shared assets in justified rows, laid out for the grid's width; a tile opens the viewer. */
export function SharedGrid({
  linkKey,
  token,
  assets,
  onOpen,
}: {
  linkKey: string;
  token: string | null;
  assets: SharedAsset[];
  onOpen(index: number): void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    setWidth(element.clientWidth);
    return () => observer.disconnect();
  }, []);
  const layout = justify(
    assets.map((a) => layoutAspect(a.width, a.height)),
    { width, targetRowHeight: width < 600 ? 120 : 200, gap: 4 },
  );
  return (
    <div ref={ref} className="public-grid" style={{ height: layout.height }}>
      {width > 0 &&
        layout.boxes.map((box, index) => {
          const asset = assets[index]!;
          return (
            <button
              key={asset.id}
              type="button"
              className="public-tile"
              style={{
                left: box.left,
                top: box.top,
                width: box.width,
                height: box.height,
                backgroundImage:
                  placeholderUrl(asset.thumbhash) && `url(${placeholderUrl(asset.thumbhash)})`,
              }}
              aria-label={asset.originalFileName}
              onClick={() => onOpen(index)}
            >
              {/* None yet, or none to come: see [Note: Tiles without a thumbnail] in Tile.tsx. */}
              {asset.thumbnailVersion && (
                <img
                  src={guestAssetUrl(linkKey, token, asset.id, 'thumbnail', asset.thumbnailVersion)}
                  alt={asset.originalFileName}
                  loading="lazy"
                />
              )}
              {asset.type === 'video' && (
                <span className="public-play" aria-hidden="true">
                  ▶
                </span>
              )}
            </button>
          );
        })}
    </div>
  );
}
