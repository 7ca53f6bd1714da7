import { api, ok, originalUrl } from '../api/client';
import { runLimited } from './run-limited';

export type BulkAction =
  'favorite' | 'unfavorite' | 'archive' | 'unarchive' | 'trash' | 'restore' | 'deleteForGood';

const done: Record<BulkAction, string> = {
  favorite: 'added to favorites',
  unfavorite: 'removed from favorites',
  archive: 'archived',
  unarchive: 'unarchived',
  trash: 'moved to the trash',
  restore: 'restored',
  deleteForGood: 'deleted for good',
};

const call = (action: BulkAction, id: string): Promise<unknown> => {
  const path = { params: { path: { id } } };
  switch (action) {
    case 'favorite':
    case 'unfavorite':
      return ok(
        api.PATCH('/api/assets/{id}', { ...path, body: { isFavorite: action === 'favorite' } }),
      );
    case 'archive':
    case 'unarchive':
      return ok(
        api.PATCH('/api/assets/{id}', { ...path, body: { isArchived: action === 'archive' } }),
      );
    case 'trash':
      return ok(api.DELETE('/api/assets/{id}', path));
    case 'restore':
      return ok(api.POST('/api/assets/{id}/restore', path));
    case 'deleteForGood':
      return ok(
        api.DELETE('/api/assets/{id}', {
          params: { path: { id }, query: { permanently: true } },
        }),
      );
  }
};

// A few requests at a time: quick for a handful, gentle on the server for thousands.
const CONCURRENCY = 4;

/** Applies the action to every id; a sentence saying what happened, and whether all went well. */
export async function applyToAll(
  action: BulkAction,
  ids: readonly string[],
): Promise<{ message: string; failed: boolean }> {
  const failures = await runLimited(ids, CONCURRENCY, (id) => call(action, id));
  const things = (n: number) => (n === 1 ? '1 item' : `${n} items`);
  if (failures.length === 0)
    return { message: `${things(ids.length)} ${done[action]}.`, failed: false };
  return {
    message:
      `${failures.length} of ${things(ids.length)} could not be ${done[action]}: ` +
      `${failures[0]!.error.message}`,
    failed: true,
  };
}

/** Past this many files a browser asks, or refuses, to download them all at once. */
export const MANY_DOWNLOADS = 20;

/** Downloads the originals, one file each, a moment apart so the browser takes every one. */
export async function downloadOriginals(ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const link = document.createElement('a');
    link.href = originalUrl(id);
    link.download = '';
    document.body.append(link);
    link.click();
    link.remove();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
