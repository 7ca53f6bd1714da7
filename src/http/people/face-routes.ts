import { Type } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';
import { FaceDto, PersonDto, toFaceDto, toPersonDto } from './person-dto.js';

// The owner's alone, like people. See: [Note: People are the owner's].
export const faceRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);
  const { people } = keepsake;
  const tags = ['people'];

  app.get(
    '/api/assets/:id/faces',
    {
      schema: {
        tags,
        summary: 'The faces found on my photo, left to right, with whose they are',
        params: IdParams,
        response: { 200: Type.Array(FaceDto), ...errorResponses(401, 404) },
      },
    },
    async (request) =>
      (await people.facesOfAsset(principalOf(request).userId, request.params.id)).map(toFaceDto),
  );

  app.put(
    '/api/faces/:id',
    {
      schema: {
        tags,
        summary: 'Move a face to another person, or (null) take it off its person',
        description:
          'Either way the face is placed by hand from then on: running the faces step again ' +
          'keeps it, and the automatic grouping leaves it alone. A person left without a face ' +
          'is removed. To start a new person from a face: POST /api/faces/{id}/person.',
        params: IdParams,
        body: Type.Object({
          personId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()]),
        }),
        response: { 200: FaceDto, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) =>
      toFaceDto(
        await people.moveFace(
          principalOf(request).userId,
          request.params.id,
          request.body.personId,
        ),
      ),
  );

  app.post(
    '/api/faces/:id/person',
    {
      schema: {
        tags,
        summary: 'Start a new person from a face ("who is this?")',
        params: IdParams,
        body: Type.Object({ name: Type.String({ maxLength: 200, default: '' }) }),
        response: { 201: PersonDto, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          toPersonDto(
            await people.startPerson(
              principalOf(request).userId,
              request.params.id,
              request.body.name,
            ),
          ),
        ),
  );
};
