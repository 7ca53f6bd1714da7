import { Type } from '@sinclair/typebox';
import { AppError } from '../../core/errors.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';

export const healthRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.get(
    '/api/health',
    {
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: '200 when the server can serve requests',
        response: { 200: Type.Object({ status: Type.Literal('ok') }), ...errorResponses(503) },
      },
    },
    async () => {
      try {
        await keepsake.checkReady();
      } catch (error) {
        throw new AppError('SERVICE_UNAVAILABLE', `Not ready: ${(error as Error).message}`);
      }
      return { status: 'ok' as const };
    },
  );
};
