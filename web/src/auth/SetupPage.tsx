import { useState, type FormEvent } from 'react';
import { api, ok } from '../api/client';
import { navigate } from '../app/router';
import { useSession } from './session';
import { AuthCard, Field } from './AuthCard';

/** First run: creates the administrator's account, then signs in with it. */
export function SetupPage() {
  const { signIn } = useSession();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name'));
    const email = String(form.get('email'));
    const password = String(form.get('password'));
    if (password !== String(form.get('confirm'))) return setError('The passwords do not match.');
    setBusy(true);
    setError(undefined);
    try {
      await ok(api.POST('/api/auth/setup', { body: { name, email, password } }));
      await signIn(email, password);
      navigate('/', { replace: true });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard
      title="Welcome to Keepsake"
      intro="Create the administrator account. You can add family members afterwards."
      error={error}
    >
      <form onSubmit={submit}>
        <Field label="Your name" name="name" autoComplete="name" required />
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field
          label="Password (at least 8 characters)"
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
        />
        <Field
          label="Password again"
          name="confirm"
          type="password"
          autoComplete="new-password"
          minLength={8}
          required
        />
        <button className="primary" type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
    </AuthCard>
  );
}
