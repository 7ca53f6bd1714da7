import { useState, type FormEvent, type ReactNode } from 'react';
import { ModalDialog } from '../app/ModalDialog';
import { patchAssets } from './bulk-edit-api';
import {
  bulkEditNotice,
  EMPTY_BULK_EDIT,
  patchOfForm,
  type BulkEditForm,
  type BulkField,
} from './bulk-edit';
import type { Notice } from './SelectionBar';
import './bulk-edit.css';
import { ErrorMessage } from '../app/ErrorMessage';

interface Props {
  /** My own selected photos: the only ones the server lets me change. */
  ids: string[];
  /** Why fewer than the selection, when someone else's photos are selected. */
  note?: string;
  /** Called once something was changed (all, or some with a failure to tell). */
  onDone(notice: Notice): void;
  onCancel(): void;
}

type Errors = Partial<Record<BulkField | 'form', string>>;

const STARS = [1, 2, 3, 4, 5];

/** Sets the date, place, description or rating of many photos at once. See: bulk-edit.ts. */
export function BulkEditDialog({ ids, note, onDone, onCancel }: Props) {
  const [form, setForm] = useState<BulkEditForm>(EMPTY_BULK_EDIT);
  const [errors, setErrors] = useState<Errors>({});
  const [answered, setAnswered] = useState<number>();
  const busy = answered !== undefined;
  /** Any change puts the fields' errors away: they were about the values before it. */
  const update = (next: (f: BulkEditForm) => BulkEditForm) => {
    setForm(next);
    setErrors({});
  };
  /** Changes a field's values; typing in a field ticks it. */
  const change = <F extends BulkField>(field: F, values: Partial<BulkEditForm[F]>) =>
    update((f) => ({ ...f, [field]: { ...f[field], set: true, ...values } }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const read = patchOfForm(form);
    if ('errors' in read) return setErrors(read.errors);
    setErrors({});
    setAnswered(0);
    const outcome = await patchAssets(ids, read.patch, setAnswered);
    // Nothing changed (the server refused the change, or cannot be reached): say why here, so
    // the fields can be put right.
    if (outcome.updated === 0 && outcome.failed > 0) {
      setAnswered(undefined);
      return setErrors({ form: outcome.error });
    }
    onDone(bulkEditNotice(outcome));
  };

  const things = ids.length === 1 ? '1 item' : `${ids.length} items`;
  return (
    <ModalDialog
      titleId="bulk-edit-title"
      className="bulk-edit"
      onCancel={() => !busy && onCancel()}
    >
      <h2 id="bulk-edit-title">Edit {things}</h2>
      {note && <p className="muted">{note}</p>}
      <p className="muted">Tick what to change; the rest stays as each photo has it.</p>
      <form onSubmit={(e) => void save(e)} noValidate>
        <Field field="date" title="Change the date" form={form} update={update} error={errors.date}>
          <label>
            Date and time
            <input
              type="datetime-local"
              value={form.date.local}
              onChange={(e) => change('date', { local: e.target.value })}
            />
          </label>
          <label>
            Time zone (UTC offset, e.g. +02:00; empty if unknown)
            <input
              value={form.date.offset}
              size={7}
              onChange={(e) => change('date', { offset: e.target.value })}
            />
          </label>
        </Field>
        <Field
          field="place"
          title="Change the place"
          form={form}
          update={update}
          error={errors.place}
        >
          <label>
            Latitude, longitude (empty: no place)
            <input
              value={form.place.text}
              placeholder="48.8566, 2.3522"
              onChange={(e) => change('place', { text: e.target.value })}
            />
          </label>
        </Field>
        <Field field="description" title="Change the description" form={form} update={update}>
          <label>
            Description (empty: none)
            <textarea
              value={form.description.text}
              rows={2}
              maxLength={10_000}
              onChange={(e) => change('description', { text: e.target.value })}
            />
          </label>
        </Field>
        <Field field="rating" title="Change the rating" form={form} update={update}>
          {/* Named by its label alone: wrapped, its name would take in the chosen option. */}
          <label htmlFor="bulk-edit-rating">Rating</label>
          <select
            id="bulk-edit-rating"
            value={form.rating.stars}
            onChange={(e) => change('rating', { stars: Number(e.target.value) })}
          >
            <option value={0}>No rating</option>
            {STARS.map((n) => (
              <option key={n} value={n}>
                {'★'.repeat(n)} {n === 1 ? '1 star' : `${n} stars`}
              </option>
            ))}
          </select>
        </Field>
        <ErrorMessage text={errors.form} />
        {busy && (
          <p role="status" className="bulk-edit-progress">
            <progress max={ids.length} value={answered} aria-label="Saving" />
            <span>
              Saved {answered} of {ids.length}…
            </span>
          </p>
        )}
        <div className="confirm-actions">
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** One changeable thing: its tick, its inputs, and what is wrong with them. */
function Field({
  field,
  title,
  form,
  update,
  error,
  children,
}: {
  field: BulkField;
  title: string;
  form: BulkEditForm;
  update(next: (f: BulkEditForm) => BulkEditForm): void;
  error?: string;
  children: ReactNode;
}) {
  const errorId = `bulk-edit-${field}-error`;
  return (
    <fieldset
      className={`bulk-edit-field${form[field].set ? ' set' : ''}`}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>
        <label>
          <input
            type="checkbox"
            checked={form[field].set}
            onChange={(e) =>
              update((f) => ({ ...f, [field]: { ...f[field], set: e.target.checked } }))
            }
          />{' '}
          {title}
        </label>
      </legend>
      {children}
      {error && (
        <p id={errorId} className="error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
