import { useLocation } from './router';
import { NAV } from './pages';

/** The place a feature will take, saying so, rather than a dead link. */
export function ComingPage() {
  const { pathname } = useLocation();
  const entry = NAV.find((e) => e.path === pathname);
  return (
    <section className="coming">
      <h1>{entry?.label}</h1>
      <p className="muted">
        This part of Keepsake is on its way. Your photos are all under Photos.
      </p>
    </section>
  );
}
