import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';

const Counts = Type.Object({
  waiting: Type.Integer(),
  active: Type.Integer(),
  completed: Type.Integer(),
  failed: Type.Integer(),
});

const FailedAssets = Type.Object({ count: Type.Integer({ minimum: 0 }) });

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

  // A separate answer, not a key in the one above: clients read that one as queue → counts.
  app.get(
    '/api/jobs/failed-assets',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['jobs'],
        summary: 'How many assets, of every user, failed processing (admin)',
        response: { 200: FailedAssets, ...errorResponses(401, 403) },
      },
    },
    async () => ({ count: await keepsake.reprocess.countFailed() }),
  );

  app.post(
    '/api/jobs/retry-failed',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['jobs'],
        summary: 'Process every failed asset of every user again, from the first step (admin)',
        description:
          'For after the cause is fixed (ffmpeg installed, say). Each failed asset turns ' +
          '`processing` with its error cleared; `count` says how many were queued.',
        response: { 200: FailedAssets, ...errorResponses(401, 403) },
      },
    },
    async () => ({ count: await keepsake.reprocess.retryAllFailed() }),
  );
};
