import { useCallback, useEffect, useState } from 'react';
import { api, ok } from '../api/client';
import { emitAssetsChanged } from '../app/events';
import { useUser } from '../auth/session';
import type { paths } from '../api/schema';
import './partners.css';
import { ErrorMessage } from '../app/ErrorMessage';

type Partners = paths['/api/partners']['get']['responses']['200']['content']['application/json'];
type Person = { id: string; name: string };

/**
 * Partner sharing: my whole library, read-only, with someone; and, for those who share with me,
 * whether their photos show in my timeline (marked as theirs).
 */
export function PartnerSharing() {
  const myId = useUser().id;
  const [partners, setPartners] = useState<Partners>();
  const [people, setPeople] = useState<Person[]>([]);
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    Promise.all([ok(api.GET('/api/partners')), ok(api.GET('/api/users/directory'))]).then(
      ([list, directory]) => {
        setPartners(list);
        setPeople(directory.filter((p) => p.id !== myId));
      },
      (e: Error) => setError(e.message),
    );
  }, [myId]);
  useEffect(load, [load]);

  const run = (call: Promise<unknown>, timelineChanged = false) => {
    setError(undefined);
    call.then(
      () => {
        load();
        if (timelineChanged) emitAssetsChanged();
      },
      (e: Error) => {
        setError(e.message);
        load();
      },
    );
  };
  const share = () => {
    if (!picked) return;
    setPicked('');
    run(ok(api.POST('/api/partners', { body: { userId: picked } })));
  };
  const unshare = (userId: string) =>
    run(ok(api.DELETE('/api/partners/{userId}', { params: { path: { userId } } })));
  const showInTimeline = (userId: string, inTimeline: boolean) => {
    // Ticked at once, not after the round trip: a box that stays empty invites a second click.
    setPartners(
      (current) =>
        current && {
          ...current,
          sharedWith: current.sharedWith.map((p) =>
            p.user.id === userId ? { ...p, inTimeline } : p,
          ),
        },
    );
    run(
      ok(
        api.PATCH('/api/partners/{userId}', { params: { path: { userId } }, body: { inTimeline } }),
      ),
      true,
    );
  };
  const candidates = people.filter((p) => !partners?.sharedBy.some((s) => s.user.id === p.id));

  return (
    <section className="partner-sharing" aria-labelledby="partners-heading">
      <h2 id="partners-heading">Partner sharing</h2>
      <p className="muted">
        A partner sees your whole library, read-only. They choose whether it shows in their
        timeline.
      </p>
      <ErrorMessage text={error} />
      <h3>I share my library with</h3>
      {partners?.sharedBy.length === 0 && <p className="muted">No one yet.</p>}
      <ul className="partners" aria-label="I share my library with">
        {partners?.sharedBy.map((p) => (
          <li key={p.user.id}>
            <span>{p.user.name}</span>
            <button type="button" className="danger" onClick={() => unshare(p.user.id)}>
              Stop sharing
            </button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 && (
        <div className="partner-add">
          <label className="field">
            Share my library with
            <select value={picked} onChange={(e) => setPicked(e.target.value)}>
              <option value="">Choose someone…</option>
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" disabled={!picked} onClick={share}>
            Share
          </button>
        </div>
      )}
      <h3>Shared with me</h3>
      {partners?.sharedWith.length === 0 && <p className="muted">No one shares with you yet.</p>}
      <ul className="partners" aria-label="Shared with me">
        {partners?.sharedWith.map((p) => (
          <li key={p.user.id}>
            <span>{p.user.name}</span>
            <label className="check">
              <input
                type="checkbox"
                checked={p.inTimeline}
                onChange={(e) => showInTimeline(p.user.id, e.target.checked)}
              />{' '}
              Show in my timeline
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
