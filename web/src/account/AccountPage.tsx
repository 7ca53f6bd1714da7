import { useState } from 'react';
import { useUser } from '../auth/session';
import { ApiKeysSection } from './ApiKeysSection';
import { PasswordForm } from './PasswordForm';
import { SessionsSection } from './SessionsSection';
import './account.css';

/** /account, for everyone: one's own password, sessions and API keys. */
export function AccountPage() {
  const user = useUser();
  // A password change ends the other sessions and may revoke the keys: both lists reload.
  const [changes, setChanges] = useState(0);
  return (
    <section className="account-page">
      <header className="library-header">
        <h1>Account</h1>
      </header>
      <p>
        <strong>{user.name}</strong> <span className="muted">{user.email}</span>
      </p>
      <PasswordForm onChanged={() => setChanges((n) => n + 1)} />
      <SessionsSection reload={changes} />
      <ApiKeysSection reload={changes} />
    </section>
  );
}
