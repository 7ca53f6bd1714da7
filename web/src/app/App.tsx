import { SessionProvider, useSession } from '../auth/session';
import { SetupPage } from '../auth/SetupPage';
import { SignInPage } from '../auth/SignInPage';
import { ErrorBoundary } from './ErrorBoundary';
import { Layout } from './Layout';
import { navigate, useLocation } from './router';
import { pageFor } from './pages';
import { useEffect } from 'react';
import { PublicLinkPage } from '../sharing/PublicLinkPage';

export function App() {
  const { pathname } = useLocation();
  // A shared link's page is for anyone: no setup, no sign-in, not inside the app's frame.
  if (pathname.startsWith('/s/'))
    return (
      <ErrorBoundary>
        <PublicLinkPage />
      </ErrorBoundary>
    );
  return (
    <ErrorBoundary>
      <SessionProvider>
        <Gate />
      </SessionProvider>
    </ErrorBoundary>
  );
}

/** Chooses between first-run setup, sign-in and the app, keeping the URL in step. */
function Gate() {
  const { state } = useSession();
  const { pathname } = useLocation();

  useEffect(() => {
    if (state.kind === 'setup-required' && pathname !== '/setup')
      navigate('/setup', { replace: true });
    if (state.kind === 'signed-out' && pathname !== '/sign-in') {
      const next =
        pathname === '/' ? '' : `?next=${encodeURIComponent(pathname + location.search)}`;
      navigate(`/sign-in${next}`, { replace: true });
    }
    if (state.kind === 'signed-in' && (pathname === '/sign-in' || pathname === '/setup'))
      navigate('/', { replace: true });
  }, [state.kind, pathname]);

  switch (state.kind) {
    case 'loading':
      return (
        <p className="splash" aria-busy="true">
          Loading Keepsake…
        </p>
      );
    case 'unreachable':
      return (
        <main className="auth-page">
          <p className="error" role="alert">
            {state.message}
          </p>
          <button onClick={() => location.reload()}>Try again</button>
        </main>
      );
    case 'setup-required':
      return <SetupPage />;
    case 'signed-out':
      return <SignInPage notice={state.notice} />;
    case 'signed-in': {
      const Page = pageFor(pathname, state.user.isAdmin);
      return (
        <Layout>
          <ErrorBoundary key={pathname}>
            <Page />
          </ErrorBoundary>
        </Layout>
      );
    }
  }
}
