import { useEffect, useState } from 'react';
import {
  fetchAlbumMembers,
  fetchUserDirectory,
  putAlbumMembers,
  type Album,
  type AlbumMember,
} from './albums-api';
import { ModalDialog } from '../app/ModalDialog';
import { ErrorMessage } from '../app/ErrorMessage';

type Person = { id: string; name: string };

/** The owner picks whom the album is shared with, as viewer or editor, and takes people off. */
export function ShareDialog({ album, onClose }: { album: Album; onClose(): void }) {
  const [people, setPeople] = useState<Person[]>([]);
  const [members, setMembers] = useState<AlbumMember[]>();
  const [picked, setPicked] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    Promise.all([fetchUserDirectory(), fetchAlbumMembers(album.id)]).then(
      ([directory, current]) => {
        setPeople(directory.filter((p) => p.id !== album.ownerId));
        setMembers(current);
      },
      (e: Error) => setError(e.message),
    );
  }, [album.id, album.ownerId]);

  const save = async (next: AlbumMember[]) => {
    setBusy(true);
    setError(undefined);
    try {
      setMembers(
        await putAlbumMembers(
          album.id,
          next.map(({ userId, role }) => ({ userId, role })),
        ),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const others = people.filter((p) => !members?.some((m) => m.userId === p.id));

  return (
    <ModalDialog titleId="share-title" className="share-dialog" onCancel={onClose}>
      <h2 id="share-title">Share “{album.name}”</h2>
      <p className="muted">Viewers look and comment; editors also add their own photos.</p>
      {!members && !error && <p aria-busy="true">Loading…</p>}
      {members && members.length === 0 && <p className="muted">Not shared with anyone yet.</p>}
      <ul className="share-members">
        {members?.map((member) => (
          <li key={member.userId}>
            <span>{member.name}</span>
            <select
              aria-label={`Role of ${member.name}`}
              value={member.role}
              disabled={busy}
              onChange={(e) =>
                void save(
                  members.map((m) =>
                    m.userId === member.userId
                      ? { ...m, role: e.target.value as AlbumMember['role'] }
                      : m,
                  ),
                )
              }
            >
              <option value="viewer">Viewer</option>
              <option value="editor">Editor</option>
            </select>
            <button
              type="button"
              disabled={busy}
              onClick={() => void save(members.filter((m) => m.userId !== member.userId))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      {members && others.length > 0 && (
        <form
          className="share-add"
          onSubmit={(e) => {
            e.preventDefault();
            const person = others.find((p) => p.id === picked);
            if (person)
              void save([...members, { userId: person.id, name: person.name, role: 'viewer' }]);
            setPicked('');
          }}
        >
          <label>
            Share with
            <select value={picked} onChange={(e) => setPicked(e.target.value)}>
              <option value="">Choose someone…</option>
              {others.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy || !picked}>
            Add
          </button>
        </form>
      )}
      <ErrorMessage text={error} />
      <div className="confirm-actions">
        <button type="button" className="primary" onClick={onClose}>
          Done
        </button>
      </div>
    </ModalDialog>
  );
}
