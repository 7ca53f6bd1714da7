import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';

export const openApiDocumentation: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'Keepsake API',
      version: '0.1.0',
      description:
        'Self-hosted photo and video backup. Authenticate with `Authorization: Bearer <accessToken>`, the ' +
        '`keepsake_session` cookie, or an `x-api-key` header. Errors answer `{statusCode, code, message}`.',
    },
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'keepsake_session' },
      },
    },
    security: [{ bearer: [] }, { apiKey: [] }, { cookie: [] }],
  },
  refResolver: {
    buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`),
  },
};
