import { useEffect, useId, useState } from 'react';
import { thumbnailUrl, type Asset } from '../api/client';
import { onLinkClick } from '../app/router';
import { cropStyle } from './face-box';
import {
  postFacePerson,
  fetchPeople,
  patchPerson,
  putFace,
  type Face,
  type Person,
} from './people-api';
import { personNamed } from './people-text';

/**
 * The people in a photo, for the viewer's info panel: each face cropped from the preview, with a
 * link to its person, or "Who is this?" for a face without a name.
 */
export function InfoFaces({
  asset,
  faces,
  mine,
  onChanged,
}: {
  asset: Asset;
  faces: readonly Face[];
  /** Someone else's photo: names to read, nothing to change. */
  mine: boolean;
  onChanged(): void;
}) {
  const [people, setPeople] = useState<Person[]>();
  const listId = useId();
  const unnamed = faces.some((f) => !f.personName?.trim());
  useEffect(() => {
    if (mine && unnamed && !people) fetchPeople(true).then(setPeople, () => setPeople([]));
  }, [mine, unnamed, people]);

  const preview = `url("${thumbnailUrl(asset.id, asset.thumbnailVersion, 'preview')}")`;
  return (
    <>
      <ul className="info-faces">
        {faces.map((face) => {
          const name = face.personName?.trim();
          return (
            <li key={face.id} data-face={face.id}>
              <span
                className="info-face-crop"
                style={{ backgroundImage: preview, ...cropStyle(face.box) }}
                aria-hidden="true"
              />
              {name && face.personId ? (
                <a href={`/people/${face.personId}`} onClick={onLinkClick}>
                  {name}
                </a>
              ) : mine ? (
                <WhoIsThis
                  face={face}
                  people={people ?? []}
                  listId={listId}
                  onAssigned={() => {
                    setPeople(undefined);
                    onChanged();
                  }}
                />
              ) : (
                <span className="muted">Not named</span>
              )}
              {mine && face.personId && (
                <button
                  type="button"
                  className="info-face-detach"
                  title="This face is not this person: take it from them"
                  aria-label={`Not ${name || 'this person'}`}
                  onClick={() => void putFace(face.id, null).then(onChanged, onChanged)}
                >
                  ✕
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <datalist id={listId}>
        {(people ?? [])
          .filter((p) => p.name?.trim())
          .map((p) => (
            <option key={p.id} value={p.name!.trim()} />
          ))}
      </datalist>
    </>
  );
}

/**
 * A name for an unnamed face. A name someone already has puts the face with them; a new name
 * names the face's person (faces grouped without a name yet) or starts a person for the face.
 */
function WhoIsThis({
  face,
  people,
  listId,
  onAssigned,
}: {
  face: Face;
  people: readonly Person[];
  listId: string;
  onAssigned(): void;
}) {
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const save = async () => {
    const name = value.trim();
    if (!name || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const known = personNamed(people, name);
      if (known) await putFace(face.id, known.id);
      else if (face.personId) await patchPerson(face.personId, { name });
      else await postFacePerson(face.id, name);
      onAssigned();
    } catch (e) {
      setError(`The name could not be saved: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="who-is-this"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <input
        type="text"
        list={listId}
        value={value}
        placeholder="Who is this?"
        aria-label="Who is this?"
        aria-busy={busy || undefined}
        maxLength={200}
        onChange={(e) => setValue(e.target.value)}
      />
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
