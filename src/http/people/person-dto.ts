import { Type } from '@sinclair/typebox';
import type { Face, Person } from '../../core/people/people-repository.js';

export const PersonDto = Type.Object({
  id: Type.String(),
  name: Type.String({ description: '"" until named' }),
  hidden: Type.Boolean(),
  faceCount: Type.Integer({ description: 'Faces on photos shown (trashed ones not counted)' }),
  assetCount: Type.Integer(),
  thumbnailUrl: Type.Union([Type.String(), Type.Null()], {
    description: 'The face the person is shown by (round, JPEG); changes when that face does',
  }),
  birthDate: Type.Union([Type.String({ description: 'YYYY-MM-DD' }), Type.Null()]),
  featureFaceId: Type.Union([Type.String(), Type.Null()], {
    description: 'The face chosen to show; null: the best-scored face is shown',
  }),
});

export const toPersonDto = (person: Person) => ({
  id: person.id,
  name: person.name,
  hidden: person.hidden,
  faceCount: person.faceCount,
  assetCount: person.assetCount,
  thumbnailUrl: person.coverFaceId
    ? `/api/people/${person.id}/thumbnail?v=${person.coverFaceId}`
    : null,
  birthDate: person.birthDate,
  featureFaceId: person.featureFaceId,
});

export const FaceDto = Type.Object({
  id: Type.String(),
  box: Type.Object(
    { x: Type.Number(), y: Type.Number(), width: Type.Number(), height: Type.Number() },
    { description: 'Fractions (0..1) of the upright picture, from its top left' },
  ),
  personId: Type.Union([Type.String(), Type.Null()], { description: 'null: nobody yet' }),
  personName: Type.Union([Type.String(), Type.Null()], {
    description: 'null without a person, or for a person not named yet',
  }),
});

export const toFaceDto = (face: Face) => ({
  id: face.id,
  box: face.box,
  personId: face.personId,
  personName: face.personName,
});
