import { useState, type FormEvent } from 'react';

/** Asked for when the link has a password; `wrong` after one that was not right. */
export function PasswordPrompt({
  wrong,
  onSubmit,
}: {
  wrong: boolean;
  onSubmit(value: string): void;
}) {
  const [value, setValue] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(value);
  };
  return (
    <main className="public-message">
      <form onSubmit={submit} className="public-password">
        <h1>This link has a password</h1>
        <label>
          Password
          <input
            type="password"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            autoFocus
            required
          />
        </label>
        {wrong && (
          <p className="error" role="alert">
            That password is not right.
          </p>
        )}
        <button type="submit" className="primary">
          Open
        </button>
      </form>
    </main>
  );
}
