import { ok } from '../api/client';
import type { TimelineEndpoints } from '../timeline/timeline-source';
import type { GridItem } from '../timeline/grid-item';

// TEMPORARY shapes from issue 15, until the people routes are in docs/openapi.json.
export interface Person {
  id: string;
  name: string;
  hidden: boolean;
  faceCount: number;
  assetCount: number;
  thumbnailUrl: string | null;
  birthDate: string | null;
}
export type PersonChanges = Partial<{
  name: string;
  hidden: boolean;
  birthDate: string | null;
  featureFaceId: string;
}>;
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Face {
  id: string;
  box: FaceBox;
  personId: string | null;
  personName: string | null;
}

function call<T>(method: string, url: string, body?: unknown): Promise<T> {
  return ok<T>(
    fetch(url, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(async (response) => {
      const data = (await response.json().catch(() => undefined)) as T | undefined;
      return response.ok ? { data, response } : { error: data ?? {}, response };
    }),
  );
}
const path = (id: string) => `/api/people/${encodeURIComponent(id)}`;

/** Named first, then by size (the server's order); hidden people only when asked for. */
export const fetchPeople = (withHidden = false) =>
  call<Person[]>('GET', `/api/people${withHidden ? '?withHidden=true' : ''}`);

export const fetchPerson = (id: string) => call<Person>('GET', path(id));

export const patchPerson = (id: string, changes: PersonChanges) =>
  call<Person>('PATCH', path(id), changes);

/** The others' faces move to `id`, and the others go. */
export const mergePeople = (id: string, ids: string[]) =>
  call<unknown>('POST', `${path(id)}/merge`, { ids });

/** A person's photos, in the shapes of the library's timeline. */
export const personTimeline = (id: string): TimelineEndpoints => ({
  buckets: () => call('GET', `${path(id)}/timeline/buckets`),
  month: (bucket, limit, cursor) =>
    call<{ assets: GridItem[]; nextCursor: string | null }>(
      'GET',
      `${path(id)}/timeline/buckets/${bucket}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    ),
});

export const fetchAssetFaces = (assetId: string) =>
  call<Face[]>('GET', `/api/assets/${encodeURIComponent(assetId)}/faces`);

/** Moves a face to another person, or (null) takes it from its person. */
export const putFace = (faceId: string, personId: string | null) =>
  call<Face>('PUT', `/api/faces/${encodeURIComponent(faceId)}`, { personId });

/** "Who is this?": the face starts a new person, with this name. */
export const postFacePerson = (faceId: string, name: string) =>
  call<Person>('POST', `/api/faces/${encodeURIComponent(faceId)}/person`, { name });
