import { useState, type FormEvent } from 'react';
import { api, ok } from '../api/client';
import type { AdminUser } from './UsersSection';
import { quotaBytesFromGb, quotaGbText } from './user-text';
import { ModalDialog } from '../app/ModalDialog';
import { ErrorMessage } from '../app/ErrorMessage';

/** Edits one user: name, email, quota (GB), admin, disabled; or sets a new password. */
export function UserEditDialog({
  user,
  mode,
  onDone,
  onCancel,
}: {
  user: AdminUser;
  mode: 'edit' | 'password';
  onDone(): void;
  onCancel(): void;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const params = { path: { id: user.id } };
    setBusy(true);
    setError(undefined);
    try {
      if (mode === 'password') {
        const password = String(data.get('password'));
        await ok(api.POST('/api/users/{id}/password', { params, body: { password } }));
      } else {
        const quotaBytes = quotaBytesFromGb(String(data.get('quota')));
        if (quotaBytes === undefined) throw new Error('The quota is a number of GB, or empty.');
        const body = {
          name: String(data.get('name')).trim(),
          email: String(data.get('email')).trim(),
          quotaBytes,
          isAdmin: data.get('isAdmin') === 'on',
          disabled: data.get('disabled') === 'on',
        };
        await ok(api.PATCH('/api/users/{id}', { params, body }));
      }
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const title = mode === 'password' ? `New password for ${user.name}` : `Edit ${user.name}`;
  return (
    <ModalDialog titleId="user-edit-title" className="user-edit-dialog" onCancel={onCancel}>
      <form onSubmit={(e) => void submit(e)}>
        <h2 id="user-edit-title">{title}</h2>
        {mode === 'password' ? (
          <label className="field">
            New password (at least 8 characters); their sessions end
            <input
              name="password"
              type="password"
              required
              minLength={8}
              autoComplete="new-password"
            />
          </label>
        ) : (
          <>
            <label className="field">
              Name
              <input name="name" required maxLength={200} defaultValue={user.name} />
            </label>
            <label className="field">
              Email
              <input name="email" type="email" required defaultValue={user.email} />
            </label>
            <label className="field">
              Storage quota in GB (empty: no limit)
              <input name="quota" inputMode="decimal" defaultValue={quotaGbText(user.quotaBytes)} />
            </label>
            <label className="check">
              <input name="isAdmin" type="checkbox" defaultChecked={user.isAdmin} /> Administrator
            </label>
            <label className="check">
              <input name="disabled" type="checkbox" defaultChecked={user.disabled} /> Disabled
              (cannot sign in)
            </label>
          </>
        )}
        <ErrorMessage text={error} />
        <div className="confirm-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
