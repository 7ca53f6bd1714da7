import { Type } from '@sinclair/typebox';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';

const TextDto = Type.Object({
  text: Type.String({
    description: 'Lines of words, a blank line between paragraphs; "" when none was read',
  }),
  words: Type.Array(
    Type.Object({
      text: Type.String(),
      box: Type.Object(
        { x: Type.Number(), y: Type.Number(), width: Type.Number(), height: Type.Number() },
        { description: 'Fractions (0..1) of the upright picture, from its top left' },
      ),
      confidence: Type.Number({ minimum: 0, maximum: 1 }),
    }),
  ),
  status: Type.Union(
    [Type.Literal('pending'), Type.Literal('done'), Type.Literal('failed'), Type.Literal('off')],
    {
      description:
        'pending: not read yet (or being read again); done: read (text may be ""); failed: the ' +
        'step failed, or the photo could not be processed and has nothing to read; off: text ' +
        'reading is switched off here',
    },
  ),
});

/** The text read in a photo. See: [Note: Text in photos] in core/text/texts.ts. */
export const textRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.addHook('onRequest', app.authenticate);

  app.get(
    '/api/assets/:id/text',
    {
      schema: {
        tags: ['assets'],
        summary: 'The text read in a photo, with each word’s box',
        description:
          'For whoever may see the photo (its owner, a partner, an album member). Before the ' +
          'ocr step has read it the text is empty and `status` says why.',
        params: IdParams,
        response: { 200: TextDto, ...errorResponses(401, 404) },
      },
    },
    async (request) => keepsake.text.ofAsset(principalOf(request).userId, request.params.id),
  );
};
