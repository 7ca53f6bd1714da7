import type { ReactNode } from 'react';
import { useSession, useUser } from '../auth/session';
import { UploadProvider } from '../upload/UploadProvider';
import { UploadButton } from '../upload/UploadButton';
import { Icon } from './icons';
import { NAV } from './pages';
import { onLinkClick, useLocation } from './router';

/** The frame around every page: header, navigation (a side bar; a bottom bar on phones). */
export function Layout({ children }: { children: ReactNode }) {
  const user = useUser();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const entries = NAV.filter((e) => !e.adminOnly || user.isAdmin);

  return (
    <UploadProvider>
      <div className="layout">
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="top-bar">
          <a className="brand" href="/" onClick={onLinkClick}>
            <img src="/icons/icon.svg" alt="" width={28} height={28} />
            <span>Keepsake</span>
          </a>
          <div className="top-actions">
            <UploadButton />
            <span className="user-name" title={user.email}>
              {user.name}
            </span>
            <button type="button" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </header>
        <nav className="side-nav" aria-label="Main">
          <ul>
            {entries.map((entry) => (
              <li key={entry.path}>
                <a
                  href={entry.path}
                  onClick={onLinkClick}
                  aria-current={
                    pathname === entry.path || pathname.startsWith(`${entry.path}/`)
                      ? 'page'
                      : undefined
                  }
                  className={entry.coming ? 'coming' : undefined}
                >
                  <span className="nav-icon">
                    <Icon name={entry.icon} />
                  </span>
                  <span className="nav-label">{entry.label}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </UploadProvider>
  );
}
