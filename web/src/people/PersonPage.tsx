import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/client';
import { useAssetsChanged } from '../app/events';
import { matchRoute } from '../app/route-match';
import { onLinkClick, useLocation } from '../app/router';
import { PhotoGrid } from '../timeline/PhotoGrid';
import { TimelineSource } from '../timeline/timeline-source';
import { NameField } from './NameField';
import { fetchPerson, patchPerson, personTimeline, type Person } from './people-api';
import { nameOf, photoCount } from './people-text';
import './people.css';

/** One person at /people/{id}: their face and name (edited in place) over their photos' timeline. */
export function PersonPage() {
  const { pathname } = useLocation();
  const id = matchRoute('/people/:id', pathname)?.id ?? '';
  // The page is keyed by path (App.tsx), so one person's page never shows another's photos.
  const [source] = useState(() => new TimelineSource(personTimeline(id)));
  const [person, setPerson] = useState<Person>();
  const [error, setError] = useState<{ message: string; missing: boolean }>();

  const load = useCallback(() => {
    fetchPerson(id).then(
      (p) => {
        setPerson(p);
        setError(undefined);
      },
      (e: Error) =>
        setError({ message: e.message, missing: e instanceof ApiError && e.status === 404 }),
    );
  }, [id]);
  useEffect(() => {
    load();
    source.start();
  }, [load, source]);
  useAssetsChanged(load);

  if (error?.missing)
    return (
      <div className="page-error" role="alert">
        <h2>There is no one here</h2>
        <p>
          <a href="/people" onClick={onLinkClick}>
            Back to people
          </a>
        </p>
      </div>
    );

  const name = person ? nameOf(person) : '';
  return (
    <PhotoGrid
      source={source}
      mode="album"
      header={
        <header className="library-header person-header">
          <p className="album-back">
            <a href="/people" onClick={onLinkClick}>
              People
            </a>
          </p>
          {person ? (
            <div className="person-title">
              <span className="person-avatar">
                {person.thumbnailUrl && <img src={person.thumbnailUrl} alt="" />}
              </span>
              <div>
                <h1>
                  <NameField
                    name={name}
                    label={name ? `Name of ${name}` : 'Name this person'}
                    onSave={async (next) => setPerson(await patchPerson(id, { name: next }))}
                  />
                </h1>
                <p className="muted">
                  {photoCount(person.assetCount)}
                  {person.hidden && ' · hidden from People'}
                </p>
              </div>
            </div>
          ) : error ? (
            <p className="error" role="alert">
              {error.message}{' '}
              <button type="button" onClick={load}>
                Try again
              </button>
            </p>
          ) : (
            <p className="muted" aria-busy="true">
              Loading…
            </p>
          )}
        </header>
      }
      empty={
        <section className="empty">
          <h2>No photos of this person</h2>
          <p className="muted">Their faces may have been moved to someone else.</p>
        </section>
      }
    />
  );
}
