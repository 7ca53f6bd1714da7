import { Type } from '@sinclair/typebox';
import { AppError } from '../../core/errors.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';

const Ok = Type.Object({ status: Type.Literal('ok') });

/**
 * Liveness (the process answers) and readiness (the database, the store and the queue answer),
 * for load balancers and orchestrators; `/api/health` is readiness, kept for simple set-ups.
 */
export const healthRoutes: RoutePlugin = async (app, { keepsake }) => {
  const ready = async () => {
    try {
      await keepsake.checkReady();
    } catch (error) {
      throw new AppError('SERVICE_UNAVAILABLE', `Not ready: ${(error as Error).message}`);
    }
    return { status: 'ok' as const };
  };
  const readySchema = {
    tags: ['health'],
    response: { 200: Ok, ...errorResponses(503) },
  };
  app.get(
    '/api/health',
    { logLevel: 'warn', schema: { ...readySchema, summary: 'Readiness (as /api/health/ready)' } },
    ready,
  );
  app.get(
    '/api/health/ready',
    {
      logLevel: 'warn',
      schema: { ...readySchema, summary: '200 when the database, store and queue all answer' },
    },
    ready,
  );
  app.get(
    '/api/health/live',
    {
      logLevel: 'warn',
      schema: { tags: ['health'], summary: '200 while the process runs', response: { 200: Ok } },
    },
    async () => ({ status: 'ok' as const }),
  );
};
