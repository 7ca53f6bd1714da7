import { useCallback, useEffect, useState } from 'react';
import { thumbnailUrl } from '../api/client';
import { emitAssetsChanged, useAssetsChanged } from '../app/events';
import { ListStates } from '../app/ListStates';
import {
  dismissDuplicates,
  fetchDuplicates,
  resolveDuplicates,
  type DuplicateGroup,
} from './duplicates-api';
import { describeCopy, trashedNotice } from './duplicates-text';
import './duplicates.css';

/**
 * Duplicates: groups of copies of one photo (resized, recompressed, re-saved, burst frames), each
 * with the copy the server suggests keeping. Keep one and trash the rest (the trash can give them
 * back), or keep all, and the group is not suggested again.
 */
export function DuplicatesPage() {
  const [groups, setGroups] = useState<DuplicateGroup[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const [notice, setNotice] = useState<{ text: string; failed: boolean }>();

  const load = useCallback(() => {
    fetchDuplicates().then(
      (list) => {
        setGroups(list);
        setError(undefined);
      },
      (e: Error) => setError(`Duplicates could not be loaded: ${e.message}`),
    );
  }, []);
  useEffect(load, [load]);
  useAssetsChanged(load);

  const act = async (group: DuplicateGroup, action: () => Promise<string>) => {
    setBusy(group.id);
    try {
      setNotice({ text: await action(), failed: false });
      setGroups((list) => list?.filter((g) => g.id !== group.id));
      emitAssetsChanged();
    } catch (e) {
      setNotice({ text: `That did not work: ${(e as Error).message}`, failed: true });
    } finally {
      setBusy(undefined);
    }
  };
  const keepOne = (group: DuplicateGroup, keepId: string) =>
    act(group, async () =>
      trashedNotice((await resolveDuplicates(group.id, [keepId])).trashedIds.length),
    );
  const keepAll = (group: DuplicateGroup) =>
    act(group, async () => {
      await dismissDuplicates(group.id);
      return 'All kept; this group will not be suggested again.';
    });

  return (
    <div className="duplicates-page">
      <header className="library-header">
        <div>
          <h1>Duplicates</h1>
          <p className="muted">
            Copies of the same photo: resized, recompressed or saved again. Keep the best one.
          </p>
        </div>
      </header>
      {notice && (
        <p className={notice.failed ? 'error' : 'muted'} role={notice.failed ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      <ListStates
        items={groups}
        error={error}
        onRetry={load}
        emptyTitle="No duplicates"
        emptyText="Copies of a photo show up here once your photos have been looked at for them."
      />
      {groups?.map((group) => (
        <section
          key={group.id}
          className="duplicate-group"
          data-group={group.id}
          aria-label={`${group.assets.length} copies`}
        >
          <ul className="duplicate-copies">
            {keeperFirst(group).map((copy) => {
              const keeper = copy.id === group.keeperId;
              return (
                <li
                  key={copy.id}
                  className={keeper ? 'duplicate-copy keeper' : 'duplicate-copy'}
                  data-asset={copy.id}
                >
                  <a href={`/?view=${copy.id}`} className="duplicate-thumb">
                    <img
                      src={thumbnailUrl(copy.id, copy.thumbnailVersion)}
                      alt={copy.originalFileName}
                      loading="lazy"
                    />
                  </a>
                  <div className="duplicate-name">{copy.originalFileName}</div>
                  <div className="muted duplicate-details">{describeCopy(copy, group.assets)}</div>
                  {keeper && <div className="duplicate-badge">Suggested keeper</div>}
                  <button
                    type="button"
                    className={keeper ? 'primary' : undefined}
                    disabled={busy === group.id}
                    onClick={() => void keepOne(group, copy.id)}
                  >
                    Keep this one, trash the rest
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" disabled={busy === group.id} onClick={() => void keepAll(group)}>
            Keep all
          </button>
        </section>
      ))}
    </div>
  );
}

/** The suggested keeper first, the others in the server's order. */
const keeperFirst = (group: DuplicateGroup) => [
  ...group.assets.filter((a) => a.id === group.keeperId),
  ...group.assets.filter((a) => a.id !== group.keeperId),
];
