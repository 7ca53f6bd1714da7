import { useState, type FormEvent } from 'react';
import { ModalDialog } from '../app/ModalDialog';
import { ErrorMessage } from '../app/ErrorMessage';

interface Props {
  title: string;
  saveLabel: string;
  initial?: { name: string; description: string };
  onSave(values: { name: string; description: string }): Promise<void>;
  onCancel(): void;
}

/** Name and description of a new album, or of one being edited. */
export function AlbumFormDialog({ title, saveLabel, initial, onSave, onCancel }: Props) {
  const [name, setName] = useState(initial?.name ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSave({ name: name.trim(), description: description.trim() });
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  return (
    <ModalDialog titleId="album-form-title" className="album-form" onCancel={onCancel}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="album-form-title">{title}</h2>
        <label>
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
            required
            autoFocus
          />
        </label>
        <label>
          Description
          <textarea
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            maxLength={5000}
            rows={3}
          />
        </label>
        <ErrorMessage text={error} />
        <div className="confirm-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            {saveLabel}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
