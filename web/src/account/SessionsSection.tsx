import { useCallback, useEffect, useState } from 'react';
import { ErrorMessage } from '../app/ErrorMessage';
import { deleteSession, fetchSessions, type OwnSession } from './account-api';
import { deviceName } from './device-name';

/** Where I am signed in; any session but this one can be signed out from here. */
export function SessionsSection({ reload }: { reload: number }) {
  const [sessions, setSessions] = useState<OwnSession[]>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => {
    fetchSessions().then(setSessions, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load, reload]);

  const end = (session: OwnSession) => {
    setError(undefined);
    deleteSession(session.id).then(load, (e: Error) => setError(e.message));
  };

  return (
    <section className="account-card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you are signed in</h2>
      <ErrorMessage text={error} />
      {!sessions && !error && (
        <p className="muted" aria-busy="true">
          Loading…
        </p>
      )}
      {sessions && (
        <ul className="account-list" aria-label="Sessions">
          {sessions.map((session) => (
            <li key={session.id}>
              <div>
                <strong title={session.userAgent ?? undefined}>
                  {deviceName(session.userAgent)}
                </strong>
                <p className="muted">
                  {session.current
                    ? 'This browser'
                    : `Last active ${when(session.lastSeenAt ?? session.createdAt)}`}
                  {` · signed in ${when(session.createdAt)}`}
                </p>
              </div>
              {!session.current && (
                <button
                  type="button"
                  onClick={() => end(session)}
                  aria-label={`Sign out ${deviceName(session.userAgent)}, signed in ${when(session.createdAt)}`}
                >
                  Sign out
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
