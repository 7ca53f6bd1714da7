import { api, ok } from '../api/client';

export type DuplicateGroup = Awaited<ReturnType<typeof fetchDuplicates>>[number];
export type DuplicateCopy = DuplicateGroup['assets'][number];

export const fetchDuplicates = () => ok(api.GET('/api/duplicates'));

export const resolveDuplicates = (id: string, keepIds: string[]) =>
  ok(api.POST('/api/duplicates/{id}/resolve', { params: { path: { id } }, body: { keepIds } }));

export const dismissDuplicates = (id: string) =>
  ok(api.POST('/api/duplicates/{id}/dismiss', { params: { path: { id } } }));
