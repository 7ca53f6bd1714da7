import { AjvCompiler } from '@fastify/ajv-compiler';
import type { FastifyServerOptions } from 'fastify';

/**
 * [Note: JSON bodies are not coerced]
 * Fastify's Ajv coerces types so that a query string or a path parameter, which are text, can be
 * read as numbers and booleans. Coercing a JSON body does harm: in `anyOf: [integer, null]` Ajv
 * tries the integer branch first and turns `null` into `0` (`PATCH /api/users/{id}
 * {"quotaBytes": null}`, "no limit", stored a quota of 0), `false` for a boolean and `""` for a
 * string; with `null` first it turns `0` into `null` (a latitude or rating of 0 was cleared). JSON
 * carries its own types, so bodies are validated without coercion and the URL's parts with it.
 * test/http/nullable-fields.test.ts checks every nullable field of every route.
 */
export const AJV_OPTIONS = {
  customOptions: { coerceTypes: 'array' as const, removeAdditional: false },
};

const buildFromPool = AjvCompiler();

type BuildValidator = NonNullable<
  NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']
>['buildValidator'];

/** Fastify's own Ajv compiler, twice: one that coerces (URL parts) and one that does not (bodies). */
export const buildValidator: NonNullable<BuildValidator> = (externalSchemas, ajvOptions) => {
  const options = (ajvOptions ?? AJV_OPTIONS) as Exclude<typeof ajvOptions, { mode: 'JTD' }>;
  const coercing = buildFromPool(externalSchemas, options);
  const exact = buildFromPool(externalSchemas, {
    ...options,
    customOptions: { ...options?.customOptions, coerceTypes: false },
  });
  return (route) => (route.httpPart === 'body' ? exact : coercing)(route);
};
