import { Type } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';
import { AssetDto, toAssetDto } from './asset-dto.js';

export const reprocessRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.post(
    '/api/assets/:id/reprocess',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['assets'],
        summary: 'Process one of my assets again, from the first step',
        description:
          'For an asset whose processing failed once the cause is fixed (ffmpeg installed, say), ' +
          'or to make its metadata, renditions and playable copy again. The asset turns ' +
          '`processing` with its error cleared and ends `ready` or `failed` as an upload does; ' +
          'the original is not touched. 409 ASSET_STILL_PROCESSING while it is processing.',
        params: IdParams,
        response: { 202: Type.Ref(AssetDto), ...errorResponses(401, 404, 409) },
      },
    },
    async (request, reply) => {
      const asset = await keepsake.reprocess.reprocess(
        principalOf(request).userId,
        request.params.id,
      );
      return reply.status(202).send(toAssetDto(asset));
    },
  );

  app.post(
    '/api/assets/:id/steps',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['assets'],
        summary: 'Run only some steps of one of my assets again',
        description:
          'Say `{"steps": ["faces"]}` to find the faces in this photo again: only those steps run, ' +
          'nothing after them, and the asset keeps its status. 404 STEP_NOT_FOUND for a name ' +
          'that is no step, 409 STEP_SWITCHED_OFF for a step this server has switched off, 409 ' +
          'ASSET_STILL_PROCESSING while the asset is processing.',
        params: IdParams,
        body: Type.Object({
          steps: Type.Array(Type.String(), {
            minItems: 1,
            maxItems: 10,
            description: 'metadata, thumbnails, playback, faces, objects, ocr, duplicates, clip',
          }),
        }),
        response: { 202: Type.Ref(AssetDto), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const asset = await keepsake.reprocess.rerunSteps(
        principalOf(request).userId,
        request.params.id,
        request.body.steps,
      );
      return reply.status(202).send(toAssetDto(asset));
    },
  );
};
