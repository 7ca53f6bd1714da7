import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { Selection } from '../selection/useSelection';
import { dayLabel, localDay, monthLabel } from './dates';
import {
  anchoredScrollTop,
  estimateMonthHeight,
  prefixTops,
  sectionsBetween,
  type SectionPositions,
} from './estimate';
import type { GridItem } from './grid-item';
import { nextFocus, type NavTile } from './grid-navigation';
import type { GridSnapshot, GridSource } from './grid-source';
import { layoutMonth, metricsFor, type GridMetrics, type MonthLayout } from './month-layout';
import { Scrubber } from './Scrubber';
import { Tile, type TileHandlers } from './Tile';

interface Props {
  source: GridSource;
  snapshot: GridSnapshot;
  selection: Selection;
  scrubber: boolean;
  onOpen(item: GridItem): void;
  /** Focus this tile, scrolling to it (after the viewer closes); a new object each time. */
  focusRequest?: { id: string };
  /** Marks someone else's photos with their owner's name (the timeline's partners). */
  ownerNames?: ReadonlyMap<string, string>;
}

/**
 * The virtualised grid: a scroll container as tall as every month (estimated until loaded), in
 * which only the headings and tiles near the viewport exist. See: [Note: Estimated heights].
 */
export function GridView({
  source,
  snapshot,
  selection,
  scrubber,
  onOpen,
  focusRequest,
  ownerNames,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const [scrollTop, setScrollTop] = useState(0);
  const scrollTopRef = useRef(0);
  const frame = useRef(0);

  useLayoutEffect(() => {
    const el = scrollRef.current!;
    const measure = () => {
      const style = getComputedStyle(el);
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      setSize({ width: Math.floor(el.clientWidth - padding), height: el.clientHeight });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const onScroll = () => {
    scrollTopRef.current = scrollRef.current!.scrollTop;
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setScrollTop(scrollTopRef.current));
  };

  const scrollTo = useCallback((top: number) => {
    const el = scrollRef.current!;
    el.scrollTop = Math.max(0, Math.min(top, el.scrollHeight - el.clientHeight));
    scrollTopRef.current = el.scrollTop;
    setScrollTop(el.scrollTop);
  }, []);

  // Layouts of the loaded months, kept per items array and width; heights of the others are
  // the last measured ones, else estimates.
  const metrics = useMemo(() => metricsFor(size.width), [size.width]);
  const layoutCache = useRef(new WeakMap<readonly GridItem[], [GridMetrics, MonthLayout]>());
  const measured = useRef(new Map<string, number>());
  const sections = useMemo(() => snapshot.sections ?? [], [snapshot.sections]);
  const { layouts, positions } = useMemo(() => {
    const layouts = sections.map((s) => {
      if (!s.items) return undefined;
      const cached = layoutCache.current.get(s.items);
      if (cached?.[0] === metrics) return cached[1];
      const layout = layoutMonth(s.items, metrics);
      layoutCache.current.set(s.items, [metrics, layout]);
      measured.current.set(`${s.key}@${metrics.width}`, layout.height);
      return layout;
    });
    const heights = sections.map(
      (s, i) =>
        layouts[i]?.height ??
        measured.current.get(`${s.key}@${metrics.width}`) ??
        estimateMonthHeight(s.count, metrics),
    );
    const positions: SectionPositions = {
      keys: sections.map((s) => s.key),
      tops: prefixTops(heights),
    };
    return { layouts, positions };
  }, [sections, metrics]);
  const { tops } = positions;
  const total = tops.at(-1) ?? 0;

  // The scroll anchor: when heights change, what was at the top of the viewport stays there.
  const previous = useRef<SectionPositions>(undefined);
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = positions;
    if (!before || before.tops.length <= 1) return;
    const target = anchoredScrollTop(before, positions, scrollTopRef.current);
    if (Math.abs(target - scrollTopRef.current) > 0.5) scrollTo(target);
  }, [positions, scrollTo]);

  const viewport = size.height || 800;
  const renderFrom = scrollTop - viewport / 2;
  const renderTo = scrollTop + viewport * 1.5;

  // Months a screen above to two below are fetched, once the scroll rests there for a moment
  // (dragging the scrubber through 50 months fetches none of those it only passes).
  const wanted = sectionsBetween(tops, scrollTop - viewport, scrollTop + viewport * 2)
    .map((i) => positions.keys[i]!)
    .join(',');
  useEffect(() => {
    const timer = setTimeout(() => source.want(wanted ? wanted.split(',') : []), 80);
    return () => clearTimeout(timer);
  }, [wanted, source]);
  const nearEnd = total > 0 && renderTo >= total - viewport;
  useEffect(() => {
    if (snapshot.hasMore && nearEnd) source.loadMore();
  }, [snapshot.hasMore, nearEnd, source, sections]);

  // Everything laid out, in order, on the page: for the keyboard, ranges and scrolling to a tile.
  const latest = useRef({ layouts, tops, sections });
  latest.current = { layouts, tops, sections };
  const placedTiles = useCallback((): (NavTile & { item: GridItem; height: number })[] => {
    const { layouts, tops } = latest.current;
    return layouts.flatMap((layout, i) =>
      (layout?.tiles ?? []).map((t) => ({ ...t, id: t.item.id, top: tops[i]! + t.top })),
    );
  }, []);

  const [focusId, setFocusId] = useState<string>();
  const pendingFocus = useRef<string>(undefined);
  const applyPendingFocus = useCallback(() => {
    const id = pendingFocus.current;
    const el = id && scrollRef.current?.querySelector<HTMLElement>(`[data-tile="${id}"]`);
    if (!el) return;
    el.focus({ preventScroll: true });
    pendingFocus.current = undefined;
  }, []);
  const focusTile = useCallback(
    (id: string) => {
      setFocusId(id);
      pendingFocus.current = id;
      const tile = placedTiles().find((t) => t.id === id);
      const el = scrollRef.current!;
      if (tile && tile.top < el.scrollTop) scrollTo(tile.top - 48);
      else if (tile && tile.top + tile.height > el.scrollTop + el.clientHeight)
        scrollTo(tile.top + tile.height - el.clientHeight + 8);
      applyPendingFocus();
    },
    [placedTiles, scrollTo, applyPendingFocus],
  );
  // Focus moves once the tile exists: it may first have to be scrolled into the rendered range.
  useLayoutEffect(() => applyPendingFocus());
  useEffect(() => {
    if (focusRequest) focusTile(focusRequest.id);
  }, [focusRequest, focusTile]);

  // Tile handlers stay the same functions, so tiles that did not change do not re-render.
  const act = useRef({ selection, onOpen });
  act.current = { selection, onOpen };
  const handlers: TileHandlers = useMemo(() => {
    const order = () => latest.current.sections.flatMap((s) => s.items ?? []);
    const select = (item: GridItem, e: { shiftKey: boolean }) => {
      const { selection } = act.current;
      if (e.shiftKey && selection.count > 0) selection.selectRange(order(), item);
      else selection.toggle(item);
    };
    return {
      onSelect: (item, e) => {
        setFocusId(item.id);
        select(item, e);
      },
      onActivate: (item, e) => {
        setFocusId(item.id);
        if (act.current.selection.count > 0) select(item, e);
        else act.current.onOpen(item);
      },
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    const id = (e.target as HTMLElement).dataset.tile;
    if (!id || e.altKey || e.ctrlKey || e.metaKey) return;
    const tile = placedTiles().find((t) => t.id === id);
    if (!tile) return;
    if (e.key === 'Enter') act.current.onOpen(tile.item);
    else if (e.key === ' ') handlers.onSelect(tile.item, e);
    else {
      const next = nextFocus(placedTiles(), id, e.key);
      if (next === undefined) return;
      focusTile(next);
    }
    e.preventDefault();
  };

  const today = localDay();
  const nodes: ReactNode[] = [];
  const tiles: {
    key: string;
    item: GridItem;
    box: { left: number; top: number; width: number; height: number };
  }[] = [];
  for (const i of sectionsBetween(tops, renderFrom, renderTo)) {
    const section = sections[i]!;
    const top = tops[i]!;
    const layout = layouts[i];
    nodes.push(
      <h2
        key={`m${section.key}`}
        className="grid-month"
        style={{ top, height: metrics.monthHeading }}
      >
        {monthLabel(section.key)}
      </h2>,
    );
    if (!layout) {
      const height = tops[i + 1]! - top - metrics.monthHeading;
      nodes.push(
        <div
          key={`p${section.key}`}
          className="grid-placeholder"
          aria-busy="true"
          aria-label={`Loading ${monthLabel(section.key)}`}
          style={{
            top: top + metrics.monthHeading,
            height,
            ['--row' as string]: `${metrics.rowHeight + metrics.gap}px`,
          }}
        />,
      );
      continue;
    }
    for (const day of layout.days) {
      const dayTop = top + day.top;
      if (dayTop > renderTo || dayTop + metrics.dayHeading < renderFrom) continue;
      const all =
        selection.state.items.size > 0 && day.items.every((d) => selection.isSelected(d.id));
      const label = dayLabel(day.day, today);
      nodes.push(
        <div
          key={`d${day.day}`}
          className="grid-day"
          style={{ top: dayTop, left: day.left, width: day.width, height: metrics.dayHeading }}
        >
          <button
            type="button"
            role="checkbox"
            aria-checked={all}
            className={`day-check${selection.count > 0 ? ' selecting' : ''}`}
            aria-label={`Select all of ${label}`}
            title={`Select all of ${label}`}
            onClick={() => selection.toggleAll(day.items)}
          >
            <span aria-hidden="true">✓</span>
          </button>
          <h3>{label}</h3>
        </div>,
      );
    }
    for (const t of layout.tiles) {
      const tileTop = top + t.top;
      if (tileTop > renderTo) break;
      if (tileTop + t.height < renderFrom) continue;
      tiles.push({
        key: t.item.id,
        item: t.item,
        box: { left: t.left, top: tileTop, width: t.width, height: t.height },
      });
    }
  }
  const tabbableId = tiles.some((t) => t.key === focusId) ? focusId : tiles[0]?.key;
  const selecting = selection.count > 0;

  return (
    <>
      <div
        ref={scrollRef}
        className={`grid-scroll${scrubber ? ' with-scrubber' : ''}`}
        onScroll={onScroll}
        onKeyDown={onKeyDown}
      >
        <div
          className="grid-canvas"
          role="group"
          aria-label="Photos and videos"
          style={{ height: total + (snapshot.hasMore ? 80 : 24) }}
        >
          {nodes}
          {tiles.map(({ key, item, box }) => (
            <Tile
              key={key}
              item={item}
              {...box}
              selected={selection.isSelected(item.id)}
              selecting={selecting}
              tabbable={key === tabbableId}
              owner={item.ownerId && ownerNames ? (ownerNames.get(item.ownerId) ?? '') : undefined}
              {...handlers}
            />
          ))}
          {snapshot.hasMore && (
            <p className="grid-more muted" style={{ top: total + 16 }} aria-busy="true">
              Loading more…
            </p>
          )}
        </div>
      </div>
      {scrubber && (
        <Scrubber
          months={positions.keys}
          tops={tops}
          scrollTop={scrollTop}
          trackHeight={Math.max(0, size.height - 16)}
          onJump={scrollTo}
        />
      )}
    </>
  );
}
