import {
  useCallback,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { useAssetsChanged } from '../app/events';
import { navigate, useLocation } from '../app/router';
import {
  SelectionBar,
  type GridMode,
  type Notice,
  type PageAction,
} from '../selection/SelectionBar';
import { useSelection } from '../selection/useSelection';
import { useUserNames } from '../selection/useUserNames';
import { Viewer } from '../viewer/Viewer';
import type { GridItem } from './grid-item';
import type { GridSource } from './grid-source';
import { GridView } from './GridView';
import { useRefreshWhileProcessing } from './use-refresh-while-processing';
import './timeline.css';

interface Props {
  source: GridSource;
  mode: GridMode;
  /** Above the grid: the page's title and actions. */
  header?: ReactNode;
  /** Shown instead of the grid when there is nothing. */
  empty: ReactNode;
  scrubber?: boolean;
  /** Selection actions of this page only (an album's "Remove from album"). */
  pageActions?: readonly PageAction[];
  /** A shared album's page: its viewer offers each photo's likes and comments. */
  sharedAlbum?: { id: string };
}

/**
 * A page of photos: the virtualised grid, selection and its actions, and the viewer at
 * `?view=<id>`. The timeline and the favorites, archive and trash pages are all one of these.
 */
export function PhotoGrid({
  source,
  mode,
  header,
  empty,
  scrubber = false,
  pageActions,
  sharedAlbum,
}: Props) {
  const snapshot = useSyncExternalStore(source.subscribe, source.snapshot);
  const selection = useSelection();
  const { pathname, search } = useLocation();
  const viewId = search.get('view');
  const [notice, setNotice] = useState<Notice>();
  const [focusRequest, setFocusRequest] = useState<{ id: string }>();
  // The timeline marks a partner's photos with their name; an album, where members' photos mix
  // by design, does not.
  const markOwners = mode === 'timeline';
  const showsOthers = useMemo(
    () => markOwners && !!snapshot.sections?.some((s) => s.items?.some((i) => i.ownerId)),
    [markOwners, snapshot],
  );
  const ownerNames = useUserNames(showsOthers);

  useAssetsChanged(useCallback(() => source.refresh(), [source]));
  useRefreshWhileProcessing(source, snapshot);

  const { clear, count } = selection;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !viewId && count > 0 && !document.querySelector('dialog[open]'))
        clear();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [viewId, count, clear]);

  useEffect(() => {
    if (!notice || notice.failed) return;
    const timer = setTimeout(() => setNotice(undefined), 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  const open = useCallback((item: GridItem) => navigate(`${pathname}?view=${item.id}`), [pathname]);
  const viewer = useMemo(
    () =>
      viewId && (
        <Viewer
          assetId={viewId}
          sequence={source}
          album={sharedAlbum}
          onChange={(id) => navigate(`${pathname}?view=${id}`, { replace: true })}
          onClose={() => {
            navigate(pathname);
            setFocusRequest({ id: viewId });
          }}
        />
      ),
    [viewId, source, pathname, sharedAlbum],
  );

  const sections = snapshot.sections;
  return (
    <div className="photo-grid-page">
      {header}
      <div className="grid-area">
        {selection.count > 0 && (
          <SelectionBar
            selection={selection}
            mode={mode}
            onNotice={setNotice}
            pageActions={pageActions}
          />
        )}
        {snapshot.error && (
          <p className="grid-error error" role="alert">
            {snapshot.error}{' '}
            <button type="button" onClick={() => source.refresh()}>
              Try again
            </button>
          </p>
        )}
        {sections === undefined ? (
          !snapshot.error && (
            <p className="grid-loading muted" aria-busy="true">
              Loading…
            </p>
          )
        ) : sections.length === 0 && !snapshot.hasMore ? (
          empty
        ) : (
          <GridView
            source={source}
            snapshot={snapshot}
            selection={selection}
            scrubber={scrubber}
            onOpen={open}
            focusRequest={focusRequest}
            ownerNames={markOwners ? ownerNames : undefined}
          />
        )}
        {notice && (
          <div
            className={`grid-notice${notice.failed ? ' failed' : ''}`}
            role={notice.failed ? 'alert' : 'status'}
          >
            <span>{notice.message}</span>
            <button type="button" onClick={() => setNotice(undefined)}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      {viewer}
    </div>
  );
}
