import { Type } from '@sinclair/typebox';

/** A thing found in a photo. See: [Note: Tags]. */
export const TagDto = Type.Object({
  name: Type.String({ description: 'A COCO class name (docs/vision.md): "dog", "dining table"' }),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
});
