import { api, ok } from '../api/client';
import type { components } from '../api/schema';
import type { TimelineEndpoints } from '../timeline/timeline-source';

export type Album = components['schemas']['Album'];
export type AlbumChanges = Partial<
  Pick<Album, 'name' | 'description' | 'coverAssetId' | 'sortOrder'>
>;

export const fetchAlbums = () => ok(api.GET('/api/albums'));

export const fetchAlbum = (id: string) =>
  ok(api.GET('/api/albums/{id}', { params: { path: { id } } }));

export const postAlbum = (name: string, description?: string) =>
  ok(api.POST('/api/albums', { body: { name, description } }));

export const patchAlbum = (id: string, changes: AlbumChanges) =>
  ok(api.PATCH('/api/albums/{id}', { params: { path: { id } }, body: changes }));

export const deleteAlbum = (id: string) =>
  ok(api.DELETE('/api/albums/{id}', { params: { path: { id } } }));

export const putAlbumAssets = (id: string, ids: string[]) =>
  ok(api.PUT('/api/albums/{id}/assets', { params: { path: { id } }, body: { ids } }));

export const deleteAlbumAssets = (id: string, ids: string[]) =>
  ok(api.DELETE('/api/albums/{id}/assets', { params: { path: { id } }, body: { ids } }));

/** An album's own timeline, in the shapes of the library's. */
export const albumTimeline = (id: string): TimelineEndpoints => ({
  buckets: () => ok(api.GET('/api/albums/{id}/timeline/buckets', { params: { path: { id } } })),
  month: (bucket, limit, cursor) =>
    ok(
      api.GET('/api/albums/{id}/timeline/buckets/{bucket}', {
        params: { path: { id, bucket }, query: { limit, cursor } },
      }),
    ),
});
