import { api, ok } from '../api/client';
import type { operations } from '../api/schema';
import type { TimelineEndpoints } from '../timeline/timeline-source';

/** Named first, then by size (the server's order); hidden people only when asked for. */
export const fetchPeople = (withHidden = false) =>
  ok(api.GET('/api/people', { params: { query: { withHidden } } }));

export type Person = Awaited<ReturnType<typeof fetchPeople>>[number];
export type PersonChanges =
  operations['patchPeopleById']['requestBody']['content']['application/json'];

export const fetchPerson = (id: string) =>
  ok(api.GET('/api/people/{id}', { params: { path: { id } } }));

export const patchPerson = (id: string, changes: PersonChanges) =>
  ok(api.PATCH('/api/people/{id}', { params: { path: { id } }, body: changes }));

/** The others' faces move to `id`, and the others go. */
export const mergePeople = (id: string, ids: string[]) =>
  ok(api.POST('/api/people/{id}/merge', { params: { path: { id } }, body: { ids } }));

/** A person's photos, in the shapes of the library's timeline. */
export const personTimeline = (id: string): TimelineEndpoints => ({
  buckets: () => ok(api.GET('/api/people/{id}/timeline/buckets', { params: { path: { id } } })),
  month: (bucket, limit, cursor) =>
    ok(
      api.GET('/api/people/{id}/timeline/buckets/{bucket}', {
        params: { path: { id, bucket }, query: { limit, cursor } },
      }),
    ),
});

export const fetchAssetFaces = (id: string) =>
  ok(api.GET('/api/assets/{id}/faces', { params: { path: { id } } }));

export type Face = Awaited<ReturnType<typeof fetchAssetFaces>>[number];
export type FaceBox = Face['box'];

/** Moves a face to another person, or (null) takes it from its person. */
export const putFace = (id: string, personId: string | null) =>
  ok(api.PUT('/api/faces/{id}', { params: { path: { id } }, body: { personId } }));

/** "Who is this?": the face starts a new person, with this name. */
export const postFacePerson = (id: string, name: string) =>
  ok(api.POST('/api/faces/{id}/person', { params: { path: { id } }, body: { name } }));
