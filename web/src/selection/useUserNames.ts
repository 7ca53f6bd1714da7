import { useEffect, useState } from 'react';
import { api, ok } from '../api/client';

let directory: Promise<ReadonlyMap<string, string>> | undefined;

/** Everyone's names by id (GET /api/users/directory), fetched once a page needs them. */
function fetchNames(): Promise<ReadonlyMap<string, string>> {
  directory ??= ok(api.GET('/api/users/directory')).then(
    (people) => new Map(people.map((p) => [p.id, p.name])),
    (e: unknown) => {
      directory = undefined; // asked again next time
      throw e;
    },
  );
  return directory;
}

const none: ReadonlyMap<string, string> = new Map();

/**
 * Names of the users, to say whose a photo is ("Alice’s"); empty until they arrive, and not
 * fetched at all while `needed` is false (a selection of my own photos names no one).
 */
export function useUserNames(needed: boolean): ReadonlyMap<string, string> {
  const [names, setNames] = useState(none);
  useEffect(() => {
    if (!needed) return;
    let live = true;
    fetchNames().then(
      (found) => live && setNames(found),
      () => {}, // the sentences say "someone else’s" instead
    );
    return () => {
      live = false;
    };
  }, [needed]);
  return names;
}
