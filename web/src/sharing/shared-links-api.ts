import { api, ok } from '../api/client';
import type { components, paths } from '../api/schema';

export type SharedLink = components['schemas']['SharedLink'];
export type NewSharedLink =
  paths['/api/shared-links']['post']['requestBody']['content']['application/json'];
export type GuestView =
  paths['/api/shared-links/{key}/assets']['get']['responses']['200']['content']['application/json'];
export type SharedAsset = GuestView['assets'][number];

/** `put*`/`fetch*` talk to the server as the signed-in owner. */
export const putSharedLink = (body: NewSharedLink) => ok(api.POST('/api/shared-links', { body }));

export const fetchSharedLinks = () => ok(api.GET('/api/shared-links'));

export const revokeSharedLink = (id: string) =>
  ok(api.DELETE('/api/shared-links/{id}', { params: { path: { id } } }));

/** The page's full address for a link's `/s/{key}`. */
export const absoluteUrl = (path: string) => new URL(path, location.origin).href;
