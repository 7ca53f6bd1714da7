import { useCallback, useEffect, useState } from 'react';
import { useAssetsChanged } from '../app/events';
import { ListStates } from '../app/ListStates';
import { ConfirmDialog } from '../selection/ConfirmDialog';
import {
  fetchPeople,
  mergePeople,
  patchPerson,
  type Person,
  type PersonChanges,
} from './people-api';
import { mergePlan, nameOf, shownPeople } from './people-text';
import { PersonCard } from './PersonCard';
import './people.css';

/**
 * People: everyone recognised in the library as a round face, named first and then by how often
 * they appear (the server's order). Names are edited in place; selecting several merges them.
 */
export function PeoplePage() {
  const [people, setPeople] = useState<Person[]>();
  const [error, setError] = useState<string>();
  const [showHidden, setShowHidden] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const [merging, setMerging] = useState(false);
  const [notice, setNotice] = useState<{ text: string; failed: boolean }>();

  const load = useCallback(() => {
    fetchPeople(showHidden).then(
      (list) => {
        setPeople(list);
        setError(undefined);
        setSelected((ids) => ids.filter((id) => list.some((p) => p.id === id)));
      },
      (e: Error) => setError(`People could not be loaded: ${e.message}`),
    );
  }, [showHidden]);
  useEffect(load, [load]);
  useAssetsChanged(load);

  const change = async (person: Person, changes: PersonChanges) => {
    const saved = await patchPerson(person.id, changes);
    setPeople((list) => list?.map((p) => (p.id === saved.id ? { ...p, ...saved } : p)));
  };
  const toggleHidden = (person: Person) =>
    change(person, { hidden: !person.hidden }).then(
      () => !showHidden && setSelected((ids) => ids.filter((id) => id !== person.id)),
      (e: Error) => setNotice({ text: e.message, failed: true }),
    );

  const byId = new Map((people ?? []).map((p) => [p.id, p]));
  const plan = mergePlan(selected.flatMap((id) => byId.get(id) ?? []));
  const merge = async () => {
    if (!plan) return;
    setMerging(false);
    try {
      await mergePeople(
        plan.into.id,
        plan.others.map((p) => p.id),
      );
      setSelected([]);
      setNotice({
        text: `${plan.others.length + 1} people merged into ${nameOf(plan.into) || 'one'}.`,
        failed: false,
      });
      load();
    } catch (e) {
      setNotice({ text: `They could not be merged: ${(e as Error).message}`, failed: true });
    }
  };

  const shown = people && shownPeople(people, showHidden);
  return (
    <div className="people-page">
      <header className="library-header">
        <div>
          <h1>People</h1>
          <p className="muted">
            Faces found in your photos, grouped by person. Name someone to find them again.
          </p>
        </div>
        <div className="people-actions">
          <label className="check">
            <input
              type="checkbox"
              checked={showHidden}
              onChange={(e) => setShowHidden(e.target.checked)}
            />
            Show hidden
          </label>
          {selected.length > 0 && (
            <>
              <span role="status">{selected.length} selected</span>
              <button
                type="button"
                className="primary"
                disabled={!plan}
                onClick={() => setMerging(true)}
              >
                Merge
              </button>
              <button type="button" onClick={() => setSelected([])}>
                Clear selection
              </button>
            </>
          )}
        </div>
      </header>
      {notice && (
        <p className={notice.failed ? 'error' : 'muted'} role={notice.failed ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      <ListStates
        items={shown}
        error={error}
        onRetry={load}
        emptyTitle="No people yet"
        emptyText="People appear here once faces are found in your photos: someone seen in a few photos becomes a person."
      />
      {shown && shown.length > 0 && (
        <ul className="people-grid" aria-label="People">
          {shown.map((person) => (
            <PersonCard
              key={person.id}
              person={person}
              selected={selected.includes(person.id)}
              onToggleSelected={() =>
                setSelected((ids) =>
                  ids.includes(person.id)
                    ? ids.filter((id) => id !== person.id)
                    : [...ids, person.id],
                )
              }
              onRename={(name) => change(person, { name })}
              onToggleHidden={() => void toggleHidden(person)}
            />
          ))}
        </ul>
      )}
      {merging && plan && (
        <ConfirmDialog
          title={`Merge ${plan.others.length + 1} people?`}
          confirmLabel="Merge"
          onConfirm={() => void merge()}
          onCancel={() => setMerging(false)}
        >
          <p>
            Their faces all go to {nameOf(plan.into) || 'the first one you selected'}; the others
            are removed. A face put with the wrong person can be moved again from the photo's info.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
