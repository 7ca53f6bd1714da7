import { useState, type FormEvent } from 'react';
import { api, ok } from '../api/client';
import { ErrorMessage } from '../app/ErrorMessage';

/** Adds a member (not an administrator); they sign in with the email and password given here. */
export function AddUserForm({ onAdded }: { onAdded(): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [added, setAdded] = useState<string>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const body = {
      name: String(data.get('name')).trim(),
      email: String(data.get('email')).trim(),
      password: String(data.get('password')),
    };
    setBusy(true);
    setError(undefined);
    setAdded(undefined);
    try {
      const user = await ok(api.POST('/api/users', { body }));
      form.reset();
      setAdded(`${user.name} can now sign in as ${user.email}.`);
      onAdded();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="add-user" onSubmit={(e) => void submit(e)} aria-labelledby="add-user-heading">
      <h3 id="add-user-heading">Add user</h3>
      <div className="add-user-fields">
        <label className="field">
          Name
          <input name="name" required maxLength={200} autoComplete="off" />
        </label>
        <label className="field">
          Email
          <input name="email" type="email" required maxLength={320} autoComplete="off" />
        </label>
        <label className="field">
          Password (at least 8 characters)
          <input
            name="password"
            type="password"
            required
            minLength={8}
            autoComplete="new-password"
          />
        </label>
      </div>
      <ErrorMessage text={error} />
      {added && (
        <p className="admin-added" role="status">
          {added}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Adding…' : 'Add user'}
      </button>
    </form>
  );
}
