import { Type } from '@sinclair/typebox';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';

const StepProgress = Type.Object({
  version: Type.String({ description: 'The model and settings the step runs now.' }),
  total: Type.Integer({ description: 'Assets that can have the step (they have a preview).' }),
  done: Type.Integer(),
  failed: Type.Integer(),
  pending: Type.Integer({ description: 'Queued, or not reached yet.' }),
});

const Counts = Type.Object({
  waiting: Type.Integer(),
  active: Type.Integer(),
  completed: Type.Integer(),
  failed: Type.Integer(),
  steps: Type.Optional(
    Type.Record(Type.String(), StepProgress, {
      description:
        'For a queue of recorded steps (vision): how far each step that is on has come, ' +
        'over every asset (faces: `done` of `total`).',
    }),
  ),
});

const Backfill = Type.Object({ step: Type.String(), queued: Type.Integer({ minimum: 0 }) });

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

  app.post(
    '/api/jobs/:step/backfill',
    {
      onRequest: app.requireAdmin,
      schema: {
        tags: ['jobs'],
        summary: 'Run one vision step for every asset that lacks it (admin)',
        description:
          'Queues the step (`faces`, `objects`, `ocr`, `duplicates`, `clip`) for every asset ' +
          'with no result from its current model version; assets that have one are left alone. ' +
          'A worker does this by itself when it starts; this is for doing it now.',
        params: Type.Object({ step: Type.String() }),
        response: { 200: Backfill, ...errorResponses(401, 403, 404, 409) },
      },
    },
    async (request) => ({
      step: request.params.step,
      queued: await keepsake.steps.backfill(request.params.step),
    }),
  );
};
