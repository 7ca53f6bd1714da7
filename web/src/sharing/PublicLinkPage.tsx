import { useCallback, useEffect, useState } from 'react';
import { fetchGuestView, type GuestAnswer } from './guest-api';
import { LinkGonePage } from './LinkGonePage';
import { PasswordPrompt } from './PasswordPrompt';
import { SharedView } from './SharedView';
import './sharing.css';

/**
 * /s/{key}: what a link shares, for anyone holding it, signed in or not, outside the app's frame.
 * It talks only to the link's own API (guest-api.ts).
 */
export function PublicLinkPage() {
  const key = decodeURIComponent(location.pathname.slice('/s/'.length).split('/')[0] ?? '');
  const [answer, setAnswer] = useState<GuestAnswer>();
  const [password, setPassword] = useState<string>();

  const load = useCallback((pass?: string) => fetchGuestView(key, pass).then(setAnswer), [key]);
  useEffect(() => void load(), [load]);

  if (!answer)
    return (
      <p className="splash" aria-busy="true">
        Loading…
      </p>
    );
  switch (answer.kind) {
    case 'gone':
      return <LinkGonePage />;
    case 'failed':
      return (
        <main className="public-message">
          <p className="error" role="alert">
            {answer.message}
          </p>
          <button type="button" onClick={() => void load(password)}>
            Try again
          </button>
        </main>
      );
    case 'password':
      return (
        <PasswordPrompt
          wrong={answer.wrong}
          onSubmit={(value) => {
            setPassword(value);
            void load(value);
          }}
        />
      );
    case 'shown':
      return <SharedView linkKey={key} view={answer.view} onChanged={() => void load(password)} />;
  }
}
