import { Type } from '@sinclair/typebox';
import { formatCaptureTime } from '../../core/media/capture-time.js';
import type { TimelineItem } from '../../core/timeline/timeline.js';
import type { TimelinePage } from '../../core/timeline/timeline-service.js';
import { PlaceDto } from '../assets/place-dto.js';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';

export const TimelineAsset = Type.Object({
  id: Type.String(),
  takenAt: Type.String(),
  aspectRatio: Type.Number({ description: 'width / height as displayed; 1 until known' }),
  thumbhash: Type.Union([Type.String(), Type.Null()]),
  thumbnailVersion: Type.Union([Type.String(), Type.Null()]),
  type: Type.Union([Type.Literal('image'), Type.Literal('video')]),
  duration: Type.Union([Type.Number({ description: 'seconds' }), Type.Null()]),
  isFavorite: Type.Boolean(),
  status: Type.Union([Type.Literal('processing'), Type.Literal('ready'), Type.Literal('failed')], {
    description:
      'processing: no thumbnail yet (thumbnailVersion is null until there is one); failed: the ' +
      'asset could not be processed (its reason is on GET /api/assets/{id}).',
  }),
  place: PlaceDto,
  ownerId: Type.Optional(
    Type.String({
      description:
        'Present only on someone else’s photo: a partner’s in my timeline, or another ' +
        'member’s in a shared album. It is theirs to change; mine to look at and download.',
    }),
  ),
});

export const toTimelineAsset = (item: TimelineItem) => ({
  id: item.id,
  takenAt: formatCaptureTime(item),
  aspectRatio:
    item.width && item.height ? Math.round((item.width / item.height) * 10_000) / 10_000 : 1,
  thumbhash: item.thumbhash,
  thumbnailVersion: item.thumbnailVersion,
  type: item.type,
  duration: item.durationMs === null ? null : item.durationMs / 1000,
  isFavorite: item.isFavorite,
  status: item.status,
  place: item.place,
  ...(item.ownerId && { ownerId: item.ownerId }),
});

/** Months that hold photos, as every timeline (the library's, a person's...) lists them. */
export const TimelineBuckets = Type.Array(
  Type.Object({
    bucket: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
    count: Type.Integer(),
  }),
);

/** One month of a timeline, asked for in pages. */
export const TimelineBucketQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 5000, default: 1000 }),
  cursor: Type.Optional(Type.String({ description: 'nextCursor from the previous page' })),
});

export const TimelineBucketPage = Type.Object({
  bucket: Type.String(),
  assets: Type.Array(TimelineAsset),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const toTimelineBucketPage = (page: TimelinePage) => ({
  bucket: page.bucket,
  assets: page.items.map(toTimelineAsset),
  nextCursor: page.nextCursor,
});

export const timelineRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/api/timeline/buckets',
    {
      schema: {
        tags: ['timeline'],
        summary:
          'Months that hold photos, newest first, by local capture time (archived and trashed excluded)',
        response: { 200: TimelineBuckets, ...errorResponses(401) },
      },
    },
    async (request) => keepsake.timeline.buckets(principalOf(request).userId),
  );

  app.get(
    '/api/timeline/buckets/:bucket',
    {
      schema: {
        tags: ['timeline'],
        summary: 'One month’s assets, newest first, in pages',
        params: Type.Object({ bucket: Type.String({ pattern: '^\\d{4}-\\d{2}$' }) }),
        querystring: TimelineBucketQuery,
        response: { 200: TimelineBucketPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const page = await keepsake.timeline.bucket(
        principalOf(request).userId,
        request.params.bucket,
        request.query.limit,
        request.query.cursor,
      );
      return toTimelineBucketPage(page);
    },
  );
};
