import { Type } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import { BINARY_RESPONSES } from '../openapi.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';
import { contentDisposition, markAsUploadedBytes } from './send-blob.js';

const NullableNumber = (options: Parameters<typeof Type.Number>[0]) =>
  Type.Union([Type.Null(), Type.Number(options)]);

/**
 * What PATCH changes on one asset or many. See: [Note: Metadata edits]. A body is validated
 * without coercion, so null, 0 and "" each stay what they are (See: [Note: JSON bodies are not
 * coerced]).
 */
export const AssetPatchFields = {
  isFavorite: Type.Optional(Type.Boolean()),
  isArchived: Type.Optional(Type.Boolean()),
  takenAt: Type.Optional(
    Type.String({
      description:
        'Local date and time, with the UTC offset where known: 2021-07-14T18:30:00+02:00. ' +
        'Moves the asset to that month; its source then reads `edited`.',
      maxLength: 40,
    }),
  ),
  latitude: Type.Optional(
    NullableNumber({ minimum: -90, maximum: 90, description: 'With longitude; null clears both' }),
  ),
  longitude: Type.Optional(NullableNumber({ minimum: -180, maximum: 180 })),
  description: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 10_000 })])),
  rating: Type.Optional(
    Type.Union([
      Type.Null(),
      Type.Integer({ minimum: -1, maximum: 5, description: '0 to 5 stars; -1: rejected' }),
    ]),
  ),
};

export const metadataEditRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);

  app.patch(
    '/api/assets',
    {
      schema: {
        tags: ['assets'],
        summary: 'The same change on many of my assets, answered per id',
        description:
          'Takes the fields of PATCH /api/assets/{id}. An id that is not one of mine answers ' +
          '`not-found` in its row; the others are changed.',
        body: Type.Object(
          {
            ids: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 1000 }),
            ...AssetPatchFields,
          },
          { additionalProperties: false, minProperties: 2 },
        ),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                id: Type.String(),
                status: Type.Union([Type.Literal('updated'), Type.Literal('not-found')]),
              }),
            ),
          }),
          ...errorResponses(400, 401),
        },
      },
    },
    async (request) => {
      const { ids, ...patch } = request.body;
      return {
        results: await keepsake.metadataEdits.updateMany(principalOf(request).userId, ids, patch),
      };
    },
  );

  app.get(
    '/api/assets/:id/sidecar.xmp',
    {
      schema: {
        tags: ['assets'],
        summary: 'An XMP sidecar with the values in effect (my edits included)',
        description:
          'Capture time with its offset, GPS position, description, rating and keywords, for ' +
          'other software; the original itself is never changed.',
        params: IdParams,
        binaryResponse: BINARY_RESPONSES.sidecar,
        response: { ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      const { fileName, xmp } = await keepsake.metadataEdits.exportSidecar(
        principalOf(request).userId,
        request.params.id,
      );
      // Its text holds what people typed (descriptions, keywords): XML a browser must not render.
      return markAsUploadedBytes(reply)
        .type('application/rdf+xml; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', fileName))
        .header('cache-control', 'private, no-cache')
        .send(xmp);
    },
  );
};
