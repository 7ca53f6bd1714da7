import type { ComponentType } from 'react';
import { AccountPage } from '../account/AccountPage';
import { AdminPage } from '../admin/AdminPage';
import { AlbumPage } from '../albums/AlbumPage';
import { AlbumsPage } from '../albums/AlbumsPage';
import { ArchivePage, FavoritesPage, TrashPage } from '../library/LibraryPages';
import { PeoplePage } from '../people/PeoplePage';
import { PersonPage } from '../people/PersonPage';
import { SharingPage } from '../sharing/SharingPage';
import { TagPage } from '../tags/TagPage';
import { TimelinePage } from '../timeline/TimelinePage';
import { DuplicatesPage } from '../duplicates/DuplicatesPage';
import { ComingPage } from './ComingPage';
import type { IconName } from './icons';
import { matchRoute } from './route-match';

export interface NavEntry {
  path: string;
  label: string;
  icon: IconName;
  page: ComponentType;
  adminOnly?: boolean;
  /** Shown in the navigation, with a page saying what will be there. */
  coming?: boolean;
  /** On a phone's bottom bar; the others are under its "More" button. */
  onPhoneBar?: boolean;
}

// Every page of the app, in navigation order. Features that later issues add (albums, sharing,
// search, map, people) already have their place, so the navigation does not move when they land.
export const NAV: NavEntry[] = [
  { path: '/', label: 'Photos', icon: 'photos', page: TimelinePage, onPhoneBar: true },
  { path: '/search', label: 'Search', icon: 'search', page: ComingPage, coming: true },
  { path: '/favorites', label: 'Favorites', icon: 'heart', page: FavoritesPage, onPhoneBar: true },
  { path: '/albums', label: 'Albums', icon: 'albums', page: AlbumsPage, onPhoneBar: true },
  { path: '/sharing', label: 'Sharing', icon: 'sharing', page: SharingPage, onPhoneBar: true },
  { path: '/people', label: 'People', icon: 'people', page: PeoplePage },
  { path: '/map', label: 'Map', icon: 'map', page: ComingPage, coming: true },
  { path: '/archive', label: 'Archive', icon: 'archive', page: ArchivePage },
  { path: '/duplicates', label: 'Duplicates', icon: 'duplicates', page: DuplicatesPage },
  { path: '/trash', label: 'Trash', icon: 'trash', page: TrashPage },
  { path: '/admin', label: 'Administration', icon: 'settings', page: AdminPage, adminOnly: true },
];

// Pages outside the navigation; those with a parameter in their path read it with matchRoute.
const ROUTES: { pattern: string; page: ComponentType }[] = [
  { pattern: '/albums/:id', page: AlbumPage },
  { pattern: '/people/:id', page: PersonPage },
  { pattern: '/tags/:name', page: TagPage },
  // Reached from the name (or, on phones, the person icon) in the top bar.
  { pattern: '/account', page: AccountPage },
];

export function pageFor(pathname: string, isAdmin: boolean): ComponentType {
  const entry = NAV.find((e) => e.path === pathname && (!e.adminOnly || isAdmin));
  const route = ROUTES.find((r) => matchRoute(r.pattern, pathname));
  return entry?.page ?? route?.page ?? NotFoundPage;
}

function NotFoundPage() {
  return (
    <div className="page-error" role="alert">
      <h2>There is no page here</h2>
      <p>
        <a href="/">Back to your photos</a>
      </p>
    </div>
  );
}
