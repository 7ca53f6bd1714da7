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

export type AlbumMember = { userId: string; name: string; role: 'viewer' | 'editor' };
export type AlbumActivityItem = Awaited<ReturnType<typeof fetchAlbumActivity>>['items'][number];

export const fetchUserDirectory = () => ok(api.GET('/api/users/directory'));

export const fetchAlbumMembers = (id: string) =>
  ok(api.GET('/api/albums/{id}/users', { params: { path: { id } } }));

export const putAlbumMembers = (id: string, users: Omit<AlbumMember, 'name'>[]) =>
  ok(api.PUT('/api/albums/{id}/users', { params: { path: { id } }, body: { users } }));

/** Newest first; with `assetId`, only what is about that photo. */
export const fetchAlbumActivity = (id: string, cursor?: string, assetId?: string) =>
  ok(
    api.GET('/api/albums/{id}/activity', {
      params: { path: { id }, query: { limit: 50, cursor, assetId } },
    }),
  );

export const putAlbumLike = (id: string, assetId?: string) =>
  ok(api.PUT('/api/albums/{id}/activity/likes', { params: { path: { id } }, body: { assetId } }));

export const deleteAlbumLike = (id: string, assetId?: string) =>
  ok(
    api.DELETE('/api/albums/{id}/activity/likes', { params: { path: { id } }, body: { assetId } }),
  );

export const postAlbumComment = (id: string, comment: string, assetId?: string) =>
  ok(
    api.POST('/api/albums/{id}/activity', { params: { path: { id } }, body: { comment, assetId } }),
  );
