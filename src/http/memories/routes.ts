import { Type } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';
import { TimelineAsset, toTimelineAsset } from '../timeline/routes.js';

export const memoryRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/api/memories',
    {
      schema: {
        tags: ['memories'],
        summary: 'On this day: my photos from the same day in earlier years, by year',
        description:
          'By local capture date; newest year first; in each year favorites first, then one ' +
          'photo per moment (30 minutes), at most 12. Trashed, archived and hidden assets are ' +
          'never included. Today’s pick is chosen once (by the daily `memories` job, or by the ' +
          'first request of the day) and served all day while the day’s photos stay the same, ' +
          'each asset as it is now; a photo uploaded into the day or leaving it (trashed, ' +
          'archived, hidden, re-dated) makes it chosen again. Another `date` is worked out on ' +
          'each request.',
        querystring: Type.Object({
          date: Type.Optional(
            Type.String({
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
              description: 'YYYY-MM-DD; default: today in the server’s time zone',
            }),
          ),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              year: Type.Integer(),
              yearsAgo: Type.Integer({ minimum: 1 }),
              assets: Type.Array(TimelineAsset),
            }),
          ),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => {
      const years = await keepsake.memories.onThisDay(
        principalOf(request).userId,
        request.query.date,
      );
      return years.map((y) => ({ ...y, assets: y.assets.map(toTimelineAsset) }));
    },
  );
};
