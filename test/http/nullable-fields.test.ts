import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RouteOptions } from 'fastify';
import { AJV_OPTIONS, buildValidator } from '../../src/http/validation.js';
import { corpusPath } from '../helpers/corpus.js';
import {
  createUser,
  setupAdmin,
  startTestApp,
  uploadFile,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

type Schema = Record<string, unknown> & {
  type?: string;
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  minimum?: number;
  maximum?: number;
};

interface NullableField {
  route: string;
  path: string;
  schema: Schema;
  /** The type beside null: integer, number, boolean or string. */
  type: string;
}

/** Every property of a body that takes null or one scalar type, at any depth. */
function nullableFields(route: string, schema: Schema, path = ''): NullableField[] {
  const found: NullableField[] = [];
  const branches = schema.anyOf ?? [];
  const scalar = branches.find((b) => b.type && b.type !== 'null' && b.type !== 'object');
  if (branches.some((b) => b.type === 'null') && scalar?.type) {
    found.push({ route, path, schema, type: scalar.type });
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    found.push(...nullableFields(route, property, `${path}.${name}`));
  }
  if (schema.items) found.push(...nullableFields(route, schema.items, `${path}[]`));
  for (const branch of branches) found.push(...nullableFields(route, branch, path));
  return found;
}

/** The value of the field's own type that Ajv's coercion would read as null: 0, false or "". */
function falsyValue(field: NullableField): unknown {
  const numeric = field.schema.anyOf?.find((b) => b.type === field.type) ?? {};
  if (field.type === 'boolean') return false;
  if (field.type === 'string') return '';
  return Math.min(Math.max(0, numeric.minimum ?? 0), numeric.maximum ?? 0);
}

describe('nullable fields of request bodies', () => {
  let t: TestApp;
  let admin: Session;
  const bodies: { route: string; schema: Schema }[] = [];
  const queries: { route: string; schema: Schema }[] = [];

  before(async () => {
    t = await startTestApp({
      onRoute: (route: RouteOptions) => {
        const body = route.schema?.body as Schema | undefined;
        const name = `${String(route.method)} ${route.url}`;
        if (body) bodies.push({ route: name, schema: body });
        const query = route.schema?.querystring as Schema | undefined;
        if (query) queries.push({ route: name, schema: query });
      },
    });
    admin = await setupAdmin(t.app);
  });
  after(() => t.close());

  it('keeps null as null and 0, false or "" as themselves, in every route body', () => {
    const fields = bodies.flatMap(({ route, schema }) => nullableFields(route, schema));
    const names = new Set(fields.map((f) => `${f.route} ${f.path}`));
    // The walk finds what it should (so that it cannot pass on nothing).
    for (const known of [
      'PATCH /api/users/:id .quotaBytes',
      'PATCH /api/assets/:id .rating',
      'PATCH /api/assets .latitude',
    ]) {
      assert.ok(names.has(known), `${known} found among ${[...names].join(', ')}`);
    }
    // The validator the app is built with (src/http/app.ts), as it compiles a body.
    const compile = buildValidator({}, AJV_OPTIONS);
    const wrong: string[] = [];
    for (const field of fields) {
      const validate = compile({
        schema: { type: 'object', properties: { value: field.schema } },
        httpPart: 'body',
        method: 'POST',
        url: field.route,
      });
      const nulled = { value: null };
      if (!validate(nulled) || nulled.value !== null) {
        wrong.push(`${field.route} ${field.path}: null → ${JSON.stringify(nulled.value)}`);
      }
      // Valid or not (a uuid cannot be ""), it is never read as null.
      const falsy = { value: falsyValue(field) };
      validate(falsy);
      if (falsy.value === null)
        wrong.push(`${field.route} ${field.path}: ${falsyValue(field)} → null`);
    }
    assert.deepEqual(wrong, []);
  });

  it('has no nullable field in a query string (text cannot say null; `?x=` reads as one)', () => {
    assert.ok(queries.length > 0);
    const fields = queries.flatMap(({ route, schema }) => nullableFields(route, schema));
    assert.deepEqual(
      fields.map((f) => `${f.route} ${f.path}`),
      [],
    );
  });

  it('quotaBytes null is "no limit": the user can upload again', async () => {
    const bob = await createUser(t.app, admin, 'Bob');
    const limit = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${bob.userId}`,
      headers: admin.headers,
      payload: { quotaBytes: 10 },
    });
    assert.equal(limit.json().quotaBytes, 10);
    const refused = await uploadFile(t.app, bob, corpusPath('jpeg-exif/EPSN0002.JPG'));
    assert.equal(refused.statusCode, 413, refused.body);

    const unlimited = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${bob.userId}`,
      headers: admin.headers,
      payload: { quotaBytes: null },
    });
    assert.equal(unlimited.statusCode, 200, unlimited.body);
    assert.equal(unlimited.json().quotaBytes, null);
    const listed = (await t.app.inject({ url: '/api/users', headers: admin.headers })).json<
      { id: string; quotaBytes: number | null }[]
    >();
    assert.equal(listed.find((u) => u.id === bob.userId)?.quotaBytes, null);
    const accepted = await uploadFile(t.app, bob, corpusPath('jpeg-exif/EPSN0002.JPG'));
    assert.equal(accepted.statusCode, 201, accepted.body);
  });
});
