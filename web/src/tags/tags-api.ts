import { ApiError, ok } from '../api/client';
import type { GridItem } from '../timeline/grid-item';
import type { TimelineEndpoints } from '../timeline/timeline-source';

// TEMPORARY: a plain request until the tag routes are in docs/openapi.json.
function get<T>(url: string): Promise<T> {
  return ok<T>(
    fetch(url, { credentials: 'same-origin' }).then(async (response) => {
      const data = (await response.json().catch(() => undefined)) as T | undefined;
      return response.ok ? { data, response } : { error: data ?? {}, response };
    }),
  );
}

/** The photos tagged with a thing ("dog"), in the shapes of the library's timeline. */
export const tagTimeline = (name: string): TimelineEndpoints => {
  const base = `/api/tags/${encodeURIComponent(name)}/timeline/buckets`;
  return {
    // A thing none of my photos has is not there at all: no photos, rather than an error.
    buckets: () =>
      get<{ bucket: string; count: number }[]>(base).catch((e: Error) =>
        e instanceof ApiError && e.status === 404 ? [] : Promise.reject(e),
      ),
    month: (bucket, limit, cursor) =>
      get<{ assets: GridItem[]; nextCursor: string | null }>(
        `${base}/${bucket}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      ),
  };
};
