import { useState, type FormEvent } from 'react';
import { navigate, useLocation } from '../app/router';
import { useSession } from './session';
import { AuthCard, Field } from './AuthCard';

/** Sign-in; afterwards returns to the page the person was on (`?next=`). */
export function SignInPage({ notice }: { notice?: string }) {
  const { signIn } = useSession();
  const { search } = useLocation();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await signIn(String(form.get('email')), String(form.get('password')));
      navigate(safeNext(search.get('next')), { replace: true });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title="Sign in to Keepsake" intro={notice} error={error}>
      <form onSubmit={submit}>
        <Field label="Email" name="email" type="email" autoComplete="username" required />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <button className="primary" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </AuthCard>
  );
}

/** Only a path in this app: `?next=https://elsewhere` must not send anyone away. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in')
    ? next
    : '/';
}
