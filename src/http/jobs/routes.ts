import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';

const Counts = Type.Object({
  waiting: Type.Integer(),
  active: Type.Integer(),
  completed: Type.Integer(),
  failed: Type.Integer(),
});

export const jobRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.get(
    '/api/jobs',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['jobs'],
        summary: 'Job counts per queue (admin)',
        response: { 200: Type.Record(Type.String(), Counts), ...errorResponses(401, 403) },
      },
    },
    async () => keepsake.jobCounts(),
  );
};
