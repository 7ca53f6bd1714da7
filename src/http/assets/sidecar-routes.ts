import { Type } from '@sinclair/typebox';
import { AppError } from '../../core/errors.js';
import { principalOf } from '../authentication.js';
import type { RoutePlugin } from '../plugin.js';
import { errorResponses, IdParams } from '../schemas.js';
import { Binary } from '../openapi.js';
import { uploadSlotsFor, watchMultipartUpload } from '../uploads/upload-watch.js';

const SidecarResult = Type.Object({
  id: Type.String(),
  status: Type.Literal('sidecar'),
});

export const sidecarRoutes: RoutePlugin = async (app, { keepsake }) => {
  app.put(
    '/api/assets/:id/sidecar',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['assets'],
        summary: 'Attach an XMP sidecar to one of my assets (multipart/form-data, part `file`)',
        description:
          'Replaces any sidecar the asset had. Its date, GPS position, description, rating and ' +
          'keywords win over the photo’s own once the metadata step has run again (the original is ' +
          'never changed). At most 1 MiB, and it must read as XMP (else 400 INVALID_SIDECAR).',
        consumes: ['multipart/form-data'],
        multipartBody: Type.Object({ file: Binary('The XMP sidecar, at most 1 MiB') }),
        params: IdParams,
        response: { 200: SidecarResult, ...errorResponses(400, 401, 404, 408, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError('VALIDATION_FAILED', 'Send the sidecar as multipart/form-data.');
      // See: [Note: Stalled and piled-up uploads].
      uploadSlotsFor(keepsake).take(principalOf(request).userId, reply);
      const watch = watchMultipartUpload(request, reply, keepsake.config.uploadIdleTimeoutSeconds);
      let xmp: Buffer | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type !== 'file') continue;
          if (part.fieldname === 'file' && !xmp) xmp = await keepsake.sidecars.receive(part.file);
          else part.file.resume();
        }
      } catch (error) {
        throw watch.explain(error);
      } finally {
        watch.stop();
      }
      if (!xmp)
        throw new AppError('MISSING_FILE', 'Put the sidecar in the multipart part named "file".');
      return keepsake.sidecars.attach(principalOf(request).userId, request.params.id, xmp);
    },
  );
};
