import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { thumbHashToDataURL } from 'thumbhash';
import { originalUrl, thumbnailUrl, type Asset } from '../api/client';
import { describeAsset, isBrowserDisplayable } from './format-info';
import { LiveButton, LiveMotion, useLiveMotion } from './LivePhoto';
import { classifySwipe, dragAxis, isDoubleTap, type Swipe } from './swipe';
import {
  DOUBLE_TAP_SCALE,
  FITTED,
  MIN_ZOOMED,
  clampPan,
  fitInto,
  maxScale,
  needsOriginal,
  previewSize,
  zoomAt,
  type Size,
  type View,
} from './zoom';

interface Props {
  asset: Asset;
  onSwipe(swipe: NonNullable<Swipe>): void;
  /** Drawn over the photo, in its frame, so it zooms and pans with it (the faces' boxes). */
  overlay?: ReactNode;
}

type Point = { x: number; y: number };
type Gesture =
  | { kind: 'swipe'; start: Point; at: number; pointerType: string }
  | { kind: 'pan'; start: Point; view: View }
  | { kind: 'pinch'; distance: number; middle: Point; view: View };

/**
 * A photo fitted to the screen, drawn at once from what is already there (thumbhash, then the
 * grid's thumbnail) under the preview; zoom by wheel, pinch, double-click/tap or + and -; drag to
 * pan when zoomed, swipe to step or close when not. Zoomed past the preview's pixels, the original
 * replaces it, for the types a browser can draw. Keyed by asset, so a new photo starts fitted.
 */
export function PhotoStage({ asset, onSwipe, overlay }: Props) {
  const stageRef = useRef<HTMLDivElement>(null);
  const [stage, setStage] = useState<Size>({ width: 0, height: 0 });
  const [view, setView] = useState<View>(FITTED);
  const [smooth, setSmooth] = useState(false);
  const [drag, setDrag] = useState<Point>({ x: 0, y: 0 });
  const [loadedPreview, setLoadedPreview] = useState<Size | null>(null);
  const [original, setOriginal] = useState<'no' | 'loading' | 'shown' | 'failed'>('no');

  const known = asset.width && asset.height ? { width: asset.width, height: asset.height } : null;
  const natural = known ?? loadedPreview;
  const fitted = natural ? fitInto(natural, stage) : stage;
  const displayable = known !== null && isBrowserDisplayable(asset.mimeType);
  const limits = { fitted, stage, max: maxScale(fitted, known) };
  const limitsRef = useRef(limits);
  limitsRef.current = limits;

  useEffect(() => {
    const element = stageRef.current!;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setStage({ width: entry.contentRect.width, height: entry.contentRect.height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // Keep the pan inside the photo when the window is resized.
  useEffect(() => setView((v) => clampPan(v, limitsRef.current.fitted, stage)), [stage]);

  useEffect(() => {
    if (original !== 'no' || !displayable || !known) return;
    const preview = loadedPreview ?? previewSize(known);
    if (needsOriginal(view, fitted, preview, known, window.devicePixelRatio || 1))
      setOriginal('loading');
  }, [view, fitted, loadedPreview, known, displayable, original]);

  const relative = (clientX: number, clientY: number): Point => {
    const rect = stageRef.current!.getBoundingClientRect();
    return { x: clientX - rect.left - rect.width / 2, y: clientY - rect.top - rect.height / 2 };
  };

  const toggleZoom = (point: Point) => {
    setSmooth(true);
    setView((v) =>
      v.scale > MIN_ZOOMED ? FITTED : zoomAt(FITTED, DOUBLE_TAP_SCALE, point, limitsRef.current),
    );
  };

  // Wheel zoom needs a listener that may preventDefault (React's wheel listener is passive).
  useEffect(() => {
    const element = stageRef.current!;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const lines = event.deltaMode === 1 ? 16 : 1;
      const factor = Math.exp(-event.deltaY * lines * (event.ctrlKey ? 0.01 : 0.002));
      const rect = element.getBoundingClientRect();
      const point = {
        x: event.clientX - rect.left - rect.width / 2,
        y: event.clientY - rect.top - rect.height / 2,
      };
      setSmooth(false);
      setView((v) => zoomAt(v, factor, point, limitsRef.current));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, []);

  // + and - zoom from the keyboard, 0 fits again.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const factor = event.key === '+' || event.key === '=' ? 1.5 : event.key === '-' ? 1 / 1.5 : 0;
      if (factor) {
        setSmooth(true);
        setView((v) => zoomAt(v, factor, { x: 0, y: 0 }, limitsRef.current));
      } else if (event.key === '0') {
        setSmooth(true);
        setView(FITTED);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const pointers = useRef(new Map<number, Point>());
  const gesture = useRef<Gesture | null>(null);
  const lastTap = useRef<{ x: number; y: number; at: number } | null>(null);
  const lastPointerType = useRef('mouse');
  const holdTimer = useRef(0);
  const tapStart = useRef<{ x: number; y: number; at: number } | null>(null);
  const live = useLiveMotion(asset.id);

  const startGesture = (current: View) => {
    const points = [...pointers.current.values()];
    const [a, b] = points;
    if (a && b) {
      gesture.current = {
        kind: 'pinch',
        distance: Math.hypot(a.x - b.x, a.y - b.y),
        middle: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 },
        view: current,
      };
    } else if (a) {
      gesture.current =
        current.scale > MIN_ZOOMED
          ? { kind: 'pan', start: a, view: current }
          : { kind: 'swipe', start: a, at: performance.now(), pointerType: 'mouse' };
    } else gesture.current = null;
  };

  const onPointerDown = (event: React.PointerEvent) => {
    if (event.button !== 0) return;
    try {
      event.currentTarget.setPointerCapture(event.pointerId);
    } catch {
      // The pointer is already gone (lifted before this ran): nothing to follow.
    }
    pointers.current.set(event.pointerId, relative(event.clientX, event.clientY));
    setSmooth(false);
    startGesture(view);
    lastPointerType.current = event.pointerType;
    const point = pointers.current.get(event.pointerId)!;
    tapStart.current = pointers.current.size === 1 ? { ...point, at: performance.now() } : null;
    if (gesture.current?.kind !== 'swipe') return;
    gesture.current.pointerType = event.pointerType;
    // Press and hold on a Live photo plays its motion, as on phones.
    if (asset.livePhotoVideoId && event.pointerType !== 'mouse')
      holdTimer.current = window.setTimeout(() => live.play(true), 400);
  };

  const onPointerMove = (event: React.PointerEvent) => {
    if (!pointers.current.has(event.pointerId)) return;
    pointers.current.set(event.pointerId, relative(event.clientX, event.clientY));
    const g = gesture.current;
    const [a, b] = [...pointers.current.values()];
    if (!g || !a) return;
    if (g.kind !== 'swipe' || Math.hypot(a.x - g.start.x, a.y - g.start.y) > 10)
      window.clearTimeout(holdTimer.current);
    if (g.kind === 'pinch' && b) {
      const middle = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
      const factor = Math.hypot(a.x - b.x, a.y - b.y) / Math.max(1, g.distance);
      const zoomed = zoomAt(g.view, factor, g.middle, limitsRef.current);
      const moved = {
        ...zoomed,
        x: zoomed.x + middle.x - g.middle.x,
        y: zoomed.y + middle.y - g.middle.y,
      };
      setView(clampPan(moved, limitsRef.current.fitted, limitsRef.current.stage));
    } else if (g.kind === 'pan') {
      const moved = { ...g.view, x: g.view.x + a.x - g.start.x, y: g.view.y + a.y - g.start.y };
      setView(clampPan(moved, limitsRef.current.fitted, limitsRef.current.stage));
    } else if (g.kind === 'swipe' && g.pointerType !== 'mouse') {
      const dx = a.x - g.start.x;
      const dy = a.y - g.start.y;
      const axis = dragAxis(dx, dy);
      setDrag(
        axis === 'x'
          ? { x: dx, y: 0 }
          : axis === 'y'
            ? { x: 0, y: Math.max(0, dy) }
            : { x: 0, y: 0 },
      );
    }
  };

  const onPointerEnd = (event: React.PointerEvent) => {
    const end = pointers.current.get(event.pointerId);
    if (!end) return;
    pointers.current.delete(event.pointerId);
    window.clearTimeout(holdTimer.current);
    const g = gesture.current;
    if (live.holding) {
      live.stop();
    } else if (g?.kind === 'swipe') {
      const dx = end.x - g.start.x;
      const dy = end.y - g.start.y;
      setSmooth(true);
      setDrag({ x: 0, y: 0 });
      const touch = g.pointerType !== 'mouse';
      const swipe =
        touch && event.type === 'pointerup'
          ? classifySwipe(dx, dy, performance.now() - g.at)
          : null;
      if (swipe) onSwipe(swipe);
    }
    // A short touch that barely moved is a tap, zoomed or not (double tap toggles the zoom).
    const down = tapStart.current;
    tapStart.current = null;
    const isTap =
      down &&
      event.type === 'pointerup' &&
      event.pointerType !== 'mouse' &&
      pointers.current.size === 0 &&
      performance.now() - down.at < 300 &&
      Math.hypot(end.x - down.x, end.y - down.y) < 10;
    if (isTap && !live.holding) onTap(end);
    const fitsAgain = g?.kind === 'pinch' && view.scale < MIN_ZOOMED;
    if (fitsAgain) {
      setSmooth(true);
      setView(FITTED);
    }
    // A pinch that loses one finger carries on as a pan with the other; nothing else carries on.
    const [rest] = [...pointers.current.values()];
    gesture.current =
      rest && !fitsAgain && view.scale > MIN_ZOOMED ? { kind: 'pan', start: rest, view } : null;
  };

  const onTap = (point: Point) => {
    const tap = { ...point, at: performance.now() };
    if (isDoubleTap(lastTap.current, tap)) {
      lastTap.current = null;
      toggleZoom(point);
    } else lastTap.current = tap;
  };

  const placeholder = useMemo(() => thumbhashUrl(asset.thumbhash), [asset.thumbhash]);
  const version = asset.thumbnailVersion;
  const frame: React.CSSProperties = {
    width: fitted.width,
    height: fitted.height,
    backgroundImage: placeholder ? `url(${placeholder})` : undefined,
    transform: `translate(${view.x + drag.x}px, ${view.y + drag.y}px) scale(${view.scale})`,
    transition: smooth ? 'transform 180ms ease-out' : 'none',
  };
  const dimming = drag.y > 0 ? Math.max(0.3, 1 - drag.y / 400) : 1;

  return (
    <div
      ref={stageRef}
      className={`viewer-stage${view.scale > MIN_ZOOMED ? ' zoomed' : ''}`}
      style={{ '--viewer-dim': dimming } as React.CSSProperties}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onDoubleClick={(event) => {
        // Touch browsers also send dblclick after a double tap, which onTap has handled.
        if (lastPointerType.current === 'mouse') toggleZoom(relative(event.clientX, event.clientY));
      }}
      onContextMenu={(event) => {
        // A long press is the Live photo's gesture, not the browser's image menu.
        if (lastPointerType.current !== 'mouse') event.preventDefault();
      }}
      data-zoom={view.scale.toFixed(2)}
    >
      <div className="viewer-frame" style={frame}>
        {asset.status === 'ready' && (
          <>
            <img
              className="viewer-layer"
              src={thumbnailUrl(asset.id, version)}
              alt=""
              draggable={false}
            />
            <img
              className="viewer-layer viewer-photo"
              src={thumbnailUrl(asset.id, version, 'preview')}
              alt={describeAsset(asset)}
              draggable={false}
              onLoad={(event) => {
                const img = event.currentTarget;
                setLoadedPreview({ width: img.naturalWidth, height: img.naturalHeight });
              }}
            />
          </>
        )}
        {original !== 'no' && original !== 'failed' && (
          <img
            className={`viewer-layer${original === 'shown' ? '' : ' hidden'}`}
            src={originalUrl(asset.id)}
            alt=""
            draggable={false}
            onLoad={() => setOriginal('shown')}
            onError={() => setOriginal('failed')}
          />
        )}
        {asset.livePhotoVideoId && live.playing && (
          <LiveMotion videoId={asset.livePhotoVideoId} onEnded={live.stop} />
        )}
        {overlay}
      </div>
      {asset.livePhotoVideoId && <LiveButton live={live} />}
      {original === 'loading' && (
        <p className="viewer-badge viewer-loading-original" role="status">
          Loading the full resolution…
        </p>
      )}
    </div>
  );
}

function thumbhashUrl(hash: string | null): string | null {
  if (!hash) return null;
  try {
    return thumbHashToDataURL(Uint8Array.from(atob(hash), (c) => c.charCodeAt(0)));
  } catch {
    return null; // a damaged placeholder is not worth an error; the preview follows
  }
}
