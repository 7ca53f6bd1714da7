import { Type } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';
import {
  TimelineBucketPage,
  TimelineBucketQuery,
  TimelineBuckets,
  toTimelineBucketPage,
} from '../timeline/routes.js';

const TagParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });

// Tags are the owner's: a name none of the caller's photos has answers 404. See: [Note: Tags].
export const tagRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);
  const { tags } = keepsake;
  const schemaTags = ['tags'];

  app.get(
    '/api/tags',
    {
      schema: {
        tags: schemaTags,
        summary: 'Things found in my photos, most photos first',
        description:
          'Counted over the photos the timeline shows (not archived or trashed); the cover is ' +
          'the newest of them. The vocabulary is COCO’s 80 classes (docs/vision.md).',
        response: {
          200: Type.Array(
            Type.Object({
              name: Type.String(),
              count: Type.Integer(),
              coverAssetId: Type.String(),
            }),
          ),
          ...errorResponses(401),
        },
      },
    },
    async (request) => tags.list(principalOf(request).userId),
  );

  app.get(
    '/api/tags/:name/timeline/buckets',
    {
      schema: {
        tags: schemaTags,
        summary: 'Months of my photos with this tag, newest first',
        params: TagParams,
        response: { 200: TimelineBuckets, ...errorResponses(401, 404) },
      },
    },
    async (request) => tags.buckets(principalOf(request).userId, request.params.name),
  );

  app.get(
    '/api/tags/:name/timeline/buckets/:bucket',
    {
      schema: {
        tags: schemaTags,
        summary: 'One month of my photos with this tag, newest first, in pages',
        params: Type.Object({
          ...TagParams.properties,
          bucket: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
        }),
        querystring: TimelineBucketQuery,
        response: { 200: TimelineBucketPage, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { name, bucket } = request.params;
      const page = await tags.bucket(
        principalOf(request).userId,
        name,
        bucket,
        request.query.limit,
        request.query.cursor,
      );
      return toTimelineBucketPage(page);
    },
  );
};
