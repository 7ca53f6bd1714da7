import { Type } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses } from '../schemas.js';
import { AssetDto, toAssetDto } from '../assets/asset-dto.js';

export const searchRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);

  app.post(
    '/api/search/smart',
    {
      schema: {
        tags: ['search'],
        summary: 'My photos and videos by meaning ("dog on a beach"), most alike first',
        description:
          'Ranks my own assets (not trashed; archived ones included) by how close their CLIP ' +
          'vector lies to the query’s. Needs a CLIP model (KEEPSAKE_CLIP_MODEL_DIR): without ' +
          'one, 409 SMART_SEARCH_OFF; a model that cannot load answers 503 ' +
          'SMART_SEARCH_UNAVAILABLE. An asset is found once its `clip` step has run ' +
          '(GET /api/jobs, `vision.steps.clip`).',
        body: Type.Object({
          query: Type.String({ minLength: 1, maxLength: 1000 }),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
        }),
        response: {
          200: Type.Object({ assets: Type.Array(Type.Ref(AssetDto)) }),
          ...errorResponses(400, 401, 409, 503),
        },
      },
    },
    async (request) => {
      const { query, limit = 100 } = request.body;
      const assets = await keepsake.smartSearch.search(principalOf(request).userId, query, limit);
      return { assets: assets.map(toAssetDto) };
    },
  );
};
