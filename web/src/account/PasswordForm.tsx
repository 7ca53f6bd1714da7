import { useState, type FormEvent } from 'react';
import { ErrorMessage } from '../app/ErrorMessage';
import { putPassword } from './account-api';

/** Changing one's own password: every other session ends, and (unless unticked) the API keys go. */
export function PasswordForm({ onChanged }: { onChanged(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const newPassword = String(data.get('newPassword'));
    setError(undefined);
    setDone(undefined);
    if (newPassword !== String(data.get('repeatPassword'))) {
      setError('The new password and its repetition differ.');
      return;
    }
    const revokeApiKeys = data.get('revokeApiKeys') === 'on';
    setBusy(true);
    try {
      await putPassword({
        currentPassword: String(data.get('currentPassword')),
        newPassword,
        revokeApiKeys,
      });
      form.reset();
      setDone(
        `Password changed. Every other session was signed out${revokeApiKeys ? ' and your API keys were revoked' : ''}.`,
      );
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="account-card"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="password-heading"
    >
      <h2 id="password-heading">Password</h2>
      <label className="field">
        Current password
        <input name="currentPassword" type="password" required autoComplete="current-password" />
      </label>
      <label className="field">
        New password (at least 8 characters)
        <input
          name="newPassword"
          type="password"
          required
          minLength={8}
          maxLength={1024}
          autoComplete="new-password"
        />
      </label>
      <label className="field">
        New password again
        <input
          name="repeatPassword"
          type="password"
          required
          minLength={8}
          maxLength={1024}
          autoComplete="new-password"
        />
      </label>
      <label className="check">
        <input name="revokeApiKeys" type="checkbox" defaultChecked />
        Also revoke my API keys
      </label>
      <p className="muted">Changing it signs you out everywhere else.</p>
      <ErrorMessage text={error} />
      {done && <p role="status">{done}</p>}
      <button type="submit" className="primary" disabled={busy}>
        Change password
      </button>
    </form>
  );
}
