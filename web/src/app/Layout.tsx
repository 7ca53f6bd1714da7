import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useSession, useUser } from '../auth/session';
import { UploadProvider } from '../upload/UploadProvider';
import { UploadButton } from '../upload/UploadButton';
import { Icon } from './icons';
import { NAV, type NavEntry } from './pages';
import { onLinkClick, useLocation } from './router';

/**
 * The frame around every page: header, navigation (a side bar; on phones, a bottom bar with the
 * main destinations and a "More" button for the rest, so none is cut off or out of sight).
 */
export function Layout({ children }: { children: ReactNode }) {
  const user = useUser();
  const { signOut } = useSession();
  const { pathname } = useLocation();
  const entries = NAV.filter((e) => !e.adminOnly || user.isAdmin);
  const more = entries.filter((e) => !e.onPhoneBar && !e.coming);
  const menu = useMoreMenu(pathname);
  const isCurrent = (path: string) => pathname === path || pathname.startsWith(`${path}/`);

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
            <a
              className="account-link"
              href="/account"
              onClick={onLinkClick}
              aria-label="Account"
              aria-current={isCurrent('/account') ? 'page' : undefined}
              title={`${user.name} (${user.email}): account`}
            >
              <Icon name="account" />
              <span className="user-name">{user.name}</span>
            </a>
            <button type="button" onClick={() => void signOut()}>
              Sign out
            </button>
          </div>
        </header>
        <nav className="side-nav" aria-label="Main" ref={menu.navRef}>
          <ul>
            {entries.map((entry) => (
              <li key={entry.path} className={entry.onPhoneBar ? undefined : 'phone-more'}>
                <NavLink entry={entry} current={isCurrent(entry.path)} />
              </li>
            ))}
            {more.length > 0 && (
              <li className="nav-more">
                <button
                  type="button"
                  aria-expanded={menu.open}
                  aria-controls="nav-more-menu"
                  aria-current={more.some((e) => isCurrent(e.path)) ? 'page' : undefined}
                  onClick={() => menu.setOpen(!menu.open)}
                >
                  <span className="nav-icon">
                    <Icon name="more" />
                  </span>
                  <span className="nav-label">More</span>
                </button>
              </li>
            )}
          </ul>
          {menu.open && (
            <ul id="nav-more-menu" className="nav-more-menu">
              {more.map((entry) => (
                <li key={entry.path}>
                  <NavLink entry={entry} current={isCurrent(entry.path)} />
                </li>
              ))}
            </ul>
          )}
        </nav>
        <main id="main" className="content" tabIndex={-1}>
          {children}
        </main>
      </div>
    </UploadProvider>
  );
}

function NavLink({ entry, current }: { entry: NavEntry; current: boolean }) {
  return (
    <a
      href={entry.path}
      onClick={onLinkClick}
      aria-current={current ? 'page' : undefined}
      className={entry.coming ? 'coming' : undefined}
    >
      <span className="nav-icon">
        <Icon name={entry.icon} />
      </span>
      <span className="nav-label">{entry.label}</span>
    </a>
  );
}

/** The phone's "More" menu: closes on navigation, Escape, or a press outside the navigation. */
function useMoreMenu(pathname: string) {
  const [open, setOpen] = useState(false);
  const navRef = useRef<HTMLElement>(null);
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    const onPointer = (e: PointerEvent) => {
      if (!navRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return { open, setOpen, navRef };
}
