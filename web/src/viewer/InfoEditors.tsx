import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ok, type Asset } from '../api/client';
import type { paths } from '../api/schema';
import {
  COORDINATES_HINT,
  joinTakenAt,
  parseCoordinates,
  splitTakenAt,
  TAKEN_AT_HINT,
} from './edit-values';

type Patch = paths['/api/assets/{id}']['patch']['requestBody']['content']['application/json'];

/**
 * The owner's edits in the info panel: each field shows its value with a small "Edit" button, and
 * saving sends PATCH /api/assets/{id} (see the server's [Note: Metadata edits]).
 */
function useSave(asset: Asset, onChanged: (asset: Asset) => void) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (body: Patch): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      onChanged(
        await ok(api.PATCH('/api/assets/{id}', { params: { path: { id: asset.id } }, body })),
      );
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { save, error, busy };
}

interface EditorProps {
  asset: Asset;
  onChanged(asset: Asset): void;
}

/** A value with an Edit button that swaps in a small form. */
function Editable({
  label,
  view,
  form,
}: {
  label: string;
  view: ReactNode;
  form: (done: () => void) => ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  if (editing) return <>{form(() => setEditing(false))}</>;
  return (
    <>
      {view}
      <button type="button" className="link info-edit" onClick={() => setEditing(true)}>
        Edit<span className="visually-hidden"> {label}</span>
      </button>
    </>
  );
}

function EditForm({
  onSubmit,
  onCancel,
  busy,
  error,
  children,
}: {
  onSubmit(): void;
  onCancel(): void;
  busy: boolean;
  error: string | null;
  children: ReactNode;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="info-edit-form" onSubmit={submit}>
      {children}
      {error && <div className="error">{error}</div>}
      <div>
        <button type="submit" disabled={busy}>
          Save
        </button>{' '}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function DateEditor({ asset, onChanged, view }: EditorProps & { view: ReactNode }) {
  const { save, error, busy } = useSave(asset, onChanged);
  const initial = splitTakenAt(asset.takenAt);
  const [local, setLocal] = useState(initial.local);
  const [offset, setOffset] = useState(initial.offset);
  const [invalid, setInvalid] = useState<string | null>(null);
  return (
    <Editable
      label="date"
      view={view}
      form={(done) => (
        <EditForm
          busy={busy}
          error={invalid ?? error}
          onCancel={done}
          onSubmit={() => {
            const takenAt = joinTakenAt(local, offset);
            if (!takenAt) return setInvalid(TAKEN_AT_HINT);
            setInvalid(null);
            void save({ takenAt }).then((saved) => saved && done());
          }}
        >
          <label>
            Date and time
            <input type="datetime-local" value={local} onChange={(e) => setLocal(e.target.value)} />
          </label>
          <label>
            Time zone (UTC offset, e.g. +02:00; empty if unknown)
            <input value={offset} onChange={(e) => setOffset(e.target.value)} size={7} />
          </label>
        </EditForm>
      )}
    />
  );
}

export function PlaceEditor({ asset, onChanged, view }: EditorProps & { view: ReactNode }) {
  const { save, error, busy } = useSave(asset, onChanged);
  const [text, setText] = useState(
    asset.latitude !== null && asset.longitude !== null
      ? `${asset.latitude}, ${asset.longitude}`
      : '',
  );
  const [invalid, setInvalid] = useState<string | null>(null);
  return (
    <Editable
      label="place"
      view={view}
      form={(done) => (
        <EditForm
          busy={busy}
          error={invalid ?? error}
          onCancel={done}
          onSubmit={() => {
            const position = parseCoordinates(text);
            if (position === undefined) return setInvalid(COORDINATES_HINT);
            setInvalid(null);
            void save(position ?? { latitude: null, longitude: null }).then(
              (saved) => saved && done(),
            );
          }}
        >
          <label>
            Latitude, longitude (empty: no place)
            <input value={text} onChange={(e) => setText(e.target.value)} />
          </label>
        </EditForm>
      )}
    />
  );
}

export function DescriptionEditor({ asset, onChanged }: EditorProps) {
  const { save, error, busy } = useSave(asset, onChanged);
  const [text, setText] = useState(asset.description ?? '');
  return (
    <Editable
      label="description"
      view={
        asset.description ? (
          <p className="viewer-description">{asset.description}</p>
        ) : (
          <span className="muted">No description</span>
        )
      }
      form={(done) => (
        <EditForm
          busy={busy}
          error={error}
          onCancel={done}
          onSubmit={() => void save({ description: text }).then((saved) => saved && done())}
        >
          <label>
            Description
            <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} />
          </label>
        </EditForm>
      )}
    />
  );
}

/** Five star buttons; choosing the current rating again clears it. */
export function RatingStars({ asset, onChanged }: EditorProps) {
  const { save, error, busy } = useSave(asset, onChanged);
  const rating = Math.max(0, asset.rating ?? 0);
  return (
    <div role="group" aria-label={`Rating: ${rating} of 5 stars`}>
      {[1, 2, 3, 4, 5].map((stars) => (
        <button
          key={stars}
          type="button"
          className="icon info-star"
          disabled={busy}
          aria-pressed={stars <= rating}
          aria-label={stars === rating ? `Clear the rating` : `Rate ${stars} of 5`}
          onClick={() => void save({ rating: stars === rating ? 0 : stars })}
        >
          {stars <= rating ? '★' : '☆'}
        </button>
      ))}
      {error && <div className="error">{error}</div>}
    </div>
  );
}
