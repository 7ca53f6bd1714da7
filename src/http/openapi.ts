import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import { Type, type TSchema } from '@sinclair/typebox';
import { tusOperations } from './uploads/tus-openapi.js';

declare module 'fastify' {
  interface FastifySchema {
    /**
     * The `multipart/form-data` body, for the OpenAPI document only: the handler reads the
     * parts as they stream in, so Fastify must not validate a body. See: [Note: The OpenAPI
     * document].
     */
    multipartBody?: TSchema;
    /** A 2xx answered with bytes, for the OpenAPI document: its media types. */
    binaryResponse?: BinaryResponse;
  }
}

export interface BinaryResponse {
  description: string;
  contentTypes: readonly string[];
  /** Also answers 206 to a `Range` request. */
  ranges?: boolean;
}

/** The binary answers of the API, by what they carry. */
export const BINARY_RESPONSES = {
  original: {
    description:
      'The original, byte for byte. A type that could run in a browser (HTML, SVG, XML...) comes ' +
      'as application/octet-stream, an attachment.',
    contentTypes: ['image/*', 'video/*', 'application/octet-stream'],
    ranges: true,
  },
  rendition: {
    description: 'The rendition: `thumbnail` in WebP, `preview` in JPEG',
    contentTypes: ['image/webp', 'image/jpeg'],
  },
  video: {
    description:
      'The video to play: the original when every browser plays it, else a re-encoded MP4',
    contentTypes: ['video/mp4', 'video/*'],
    ranges: true,
  },
  hls: {
    description: 'A playlist (m3u8) or a segment (MPEG-TS or fragmented MP4)',
    contentTypes: ['application/vnd.apple.mpegurl', 'video/mp2t', 'video/iso.segment', 'video/mp4'],
    ranges: true,
  },
  sidecar: {
    description: 'The XMP sidecar',
    contentTypes: ['application/rdf+xml'],
  },
} satisfies Record<string, BinaryResponse>;

const BYTES = { type: 'string', format: 'binary' };

/** A file part of a multipart body (see `multipartBody`). */
export const Binary = (description: string) => Type.String({ format: 'binary', description });

/**
 * [Note: The OpenAPI document]
 * `npm run openapi` writes docs/openapi.json from the route schemas, and the web client's types
 * from it. What the route schemas cannot say is added here, in one place:
 * - a multipart body (`multipartBody`) and a binary 2xx (`binaryResponse`), which only the
 *   document sees (Fastify would validate a body the handler streams, and serialize bytes);
 * - an `operationId` for every operation that has none, from its method and path
 *   (`GET /api/assets/{id}/original` → `getAssetsByIdOriginal`), so that it stays put;
 * - the tus endpoints, which tus serves outside Fastify's routing (uploads/tus-openapi.ts);
 * - a `servers` entry: the origin the document was fetched from.
 * test/http/openapi.test.ts lints the document with Redocly's recommended rules.
 */
export const openApiDocumentation: FastifyDynamicSwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'Keepsake API',
      version: '0.1.0',
      description:
        'Self-hosted photo and video backup. Authenticate with `Authorization: Bearer <accessToken>`, the ' +
        '`keepsake_session` cookie, or an `x-api-key` header. Errors answer `{statusCode, code, message}`.',
      license: { name: 'AGPL-3.0-only', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
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
  transform: ({ schema, url }) => {
    if (!schema) return { schema, url };
    const { multipartBody, binaryResponse, ...documented } = schema;
    if (multipartBody) documented.body = multipartBody;
    if (binaryResponse) {
      const content = Object.fromEntries(
        binaryResponse.contentTypes.map((type) => [type, { schema: BYTES }]),
      );
      const { description } = binaryResponse;
      documented.response = {
        200: { description, content },
        ...(binaryResponse.ranges && { 206: { description: 'The range asked for', content } }),
        ...(documented.response as object),
      };
    }
    return { schema: documented, url };
  },
  transformObject: (documentObject) => {
    if (!('openapiObject' in documentObject)) return documentObject.swaggerObject;
    const { openapiObject } = documentObject;
    const paths = { ...openapiObject.paths, ...tusOperations() } as Record<
      string,
      Record<string, { operationId?: string }>
    >;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        operation.operationId ??= operationIdFor(method, path);
      }
    }
    return { ...openapiObject, servers: [{ url: '/', description: 'This server' }], paths };
  },
};

/** `get` `/api/assets/{id}/original` → `getAssetsByIdOriginal`. */
export function operationIdFor(method: string, path: string): string {
  const words = path
    .split('/')
    .filter((segment) => segment && segment !== 'api')
    .flatMap((segment) => {
      const parameter = /^\{(.+)\}$/.exec(segment);
      return parameter ? ['by', ...splitWords(parameter[1] ?? '')] : splitWords(segment);
    });
  return [method.toLowerCase(), ...words.map(capitalise)].join('');
}

const splitWords = (text: string) => text.split(/[^A-Za-z0-9]+/).filter(Boolean);
const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
