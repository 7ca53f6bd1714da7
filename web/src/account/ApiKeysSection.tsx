import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ErrorMessage } from '../app/ErrorMessage';
import { deleteApiKey, fetchApiKeys, putApiKey, type ApiKey, type NewApiKey } from './account-api';

/** My API keys (for apps and scripts): make one, whose secret shows once, and revoke them. */
export function ApiKeysSection({ reload }: { reload: number }) {
  const [keys, setKeys] = useState<ApiKey[]>();
  const [error, setError] = useState<string>();
  const [made, setMade] = useState<NewApiKey>();
  const [copied, setCopied] = useState(false);
  const load = useCallback(() => {
    fetchApiKeys().then(setKeys, (e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load, reload]);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setError(undefined);
    setCopied(false);
    try {
      setMade(await putApiKey(String(new FormData(form).get('name')).trim()));
      form.reset();
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const revoke = (key: ApiKey) => {
    setError(undefined);
    if (made?.id === key.id) setMade(undefined);
    deleteApiKey(key.id).then(load, (e: Error) => setError(e.message));
  };

  const copy = (secret: string) =>
    void navigator.clipboard.writeText(secret).then(
      () => setCopied(true),
      () => setError('Copying was refused; select the key and copy it.'),
    );

  return (
    <section className="account-card" aria-labelledby="api-keys-heading">
      <h2 id="api-keys-heading">API keys</h2>
      <p className="muted">For apps and scripts that upload or read your library.</p>
      <ErrorMessage text={error} />
      {keys && keys.length === 0 && <p className="muted">No API keys.</p>}
      {keys && keys.length > 0 && (
        <ul className="account-list" aria-label="API keys">
          {keys.map((key) => (
            <li key={key.id}>
              <div>
                <strong>{key.name}</strong>
                <p className="muted">made {new Date(key.createdAt).toLocaleDateString()}</p>
              </div>
              <button
                type="button"
                className="danger"
                onClick={() => revoke(key)}
                aria-label={`Revoke ${key.name}`}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      {made && (
        <div className="api-key-secret" role="status">
          <p>
            The key <strong>{made.name}</strong>: copy it now, it is not shown again.
          </p>
          <input
            aria-label="New API key"
            readOnly
            value={made.secret}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" onClick={() => copy(made.secret)}>
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      )}
      <form className="api-key-form" onSubmit={(e) => void create(e)}>
        <label className="field">
          Name of a new key
          <input name="name" required maxLength={200} autoComplete="off" />
        </label>
        <button type="submit">Create key</button>
      </form>
    </section>
  );
}
