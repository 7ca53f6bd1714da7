import { ok } from '../api/client';
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
    buckets: () => get(base),
    month: (bucket, limit, cursor) =>
      get<{ assets: GridItem[]; nextCursor: string | null }>(
        `${base}/${bucket}?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      ),
  };
};
