import { api, ok } from '../api/client';
import type { paths } from '../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type OwnSession = Json<paths['/api/auth/sessions']['get']['responses']['200']>[number];
export type ApiKey = Json<paths['/api/api-keys']['get']['responses']['200']>[number];
export type NewApiKey = Json<paths['/api/api-keys']['post']['responses']['201']>;

/** `put*`/`fetch*`/`delete*` talk to the server as the signed-in person, about themselves. */
export const putPassword = (body: {
  currentPassword: string;
  newPassword: string;
  revokeApiKeys: boolean;
}) => ok(api.PUT('/api/users/me/password', { body }));

export const fetchSessions = () => ok(api.GET('/api/auth/sessions'));

export const deleteSession = (id: string) =>
  ok(api.DELETE('/api/auth/sessions/{id}', { params: { path: { id } } }));

export const fetchApiKeys = () => ok(api.GET('/api/api-keys'));

export const putApiKey = (name: string) => ok(api.POST('/api/api-keys', { body: { name } }));

export const deleteApiKey = (id: string) =>
  ok(api.DELETE('/api/api-keys/{id}', { params: { path: { id } } }));
