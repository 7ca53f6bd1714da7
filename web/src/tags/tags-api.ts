import { api, ApiError, ok } from '../api/client';
import type { TimelineEndpoints } from '../timeline/timeline-source';

/** The photos tagged with a thing ("dog"), in the shapes of the library's timeline. */
export const tagTimeline = (name: string): TimelineEndpoints => ({
  // A thing none of my photos has is not there at all: no photos, rather than an error.
  buckets: () =>
    ok(api.GET('/api/tags/{name}/timeline/buckets', { params: { path: { name } } })).catch(
      (e: Error) => (e instanceof ApiError && e.status === 404 ? [] : Promise.reject(e)),
    ),
  month: (bucket, limit, cursor) =>
    ok(
      api.GET('/api/tags/{name}/timeline/buckets/{bucket}', {
        params: { path: { name, bucket }, query: { limit, cursor } },
      }),
    ),
});
