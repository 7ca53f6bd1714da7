import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { CLIENT_TYPES_PATH, generateClientTypes } from '../../scripts/openapi-client.js';
import { generateOpenApiDocument, OPENAPI_PATH } from '../../scripts/openapi-document.js';

describe('OpenAPI document', () => {
  it('is committed exactly as the route schemas generate it (run `npm run openapi` after changing a route)', async () => {
    const generated = await generateOpenApiDocument();
    assert.equal(await readFile(OPENAPI_PATH, 'utf8'), generated);
    const document = JSON.parse(generated);
    assert.equal(document.openapi, '3.0.3');
    for (const path of [
      '/api/assets',
      '/api/assets/{id}',
      '/api/timeline/buckets/{bucket}',
      '/api/auth/login',
      '/api/jobs',
    ]) {
      assert.ok(document.paths[path], `${path} is documented`);
    }
    assert.ok(document.components.schemas.Asset);
  });

  it('passes Redocly’s recommended rules with no error (`npx @redocly/cli lint docs/openapi.json`)', () => {
    const lint = spawnSync('node_modules/.bin/redocly', ['lint', OPENAPI_PATH, '--format=json'], {
      encoding: 'utf8',
      // Offline: no telemetry, no look for a newer version.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const report = JSON.parse(lint.stdout) as {
      totals: { errors: number };
      problems: { ruleId: string; severity: string; location: { pointer: string }[] }[];
    };
    const errors = report.problems
      .filter((problem) => problem.severity === 'error')
      .map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}`);
    assert.deepEqual(errors, []);
    assert.equal(report.totals.errors, 0);
    assert.equal(lint.status, 0, lint.stderr);
  });

  it('names every operation, and describes uploads, binary answers, tus and the server', async () => {
    const document = JSON.parse(await readFile(OPENAPI_PATH, 'utf8'));
    type Operation = {
      operationId?: string;
      requestBody?: { content: Record<string, { schema: { properties: object } }> };
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    const operations = Object.entries(
      document.paths as Record<string, Record<string, Operation>>,
    ).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
    );
    const ids = operations.map(({ operation }) => operation.operationId);
    assert.ok(
      ids.every((id) => id && /^[a-z][A-Za-z0-9]*$/.test(id)),
      'camelCase ids everywhere',
    );
    assert.equal(new Set(ids).size, ids.length, 'unique ids');
    assert.equal(document.paths['/api/assets'].post.operationId, 'postAssets');

    for (const [path, method] of [
      ['/api/assets', 'post'],
      ['/api/assets/{id}/sidecar', 'put'],
      ['/api/shared-links/{key}/assets', 'post'],
    ] as const) {
      const body = document.paths[path][method].requestBody?.content['multipart/form-data'];
      assert.deepEqual(
        body?.schema.properties.file,
        { format: 'binary', type: 'string', description: body?.schema.properties.file.description },
        `${method} ${path} takes a file`,
      );
    }
    for (const path of [
      '/api/assets/{id}/original',
      '/api/assets/{id}/thumbnail',
      '/api/assets/{id}/video',
      '/api/assets/{id}/hls/{file}',
      '/api/assets/{id}/sidecar.xmp',
      '/api/shared-links/{key}/assets/{assetId}/thumbnail',
      '/api/shared-links/{key}/assets/{assetId}/original',
      '/api/shared-links/{key}/assets/{assetId}/video',
      '/api/shared-links/{key}/assets/{assetId}/hls/{file}',
    ]) {
      const types = Object.keys(document.paths[path].get.responses['200']?.content ?? {});
      assert.ok(
        types.length > 0 && types.every((type) => type !== 'application/json'),
        `${path}: 200 with ${types.join(', ')}`,
      );
    }
    for (const { path, method, operation } of operations) {
      assert.ok(
        Object.keys(operation.responses).some((status) => status.startsWith('2')),
        `${method} ${path} declares a 2xx`,
      );
    }
    assert.deepEqual(Object.keys(document.paths['/api/uploads']), ['options', 'post']);
    assert.deepEqual(Object.keys(document.paths['/api/uploads/{uploadId}']), [
      'head',
      'patch',
      'delete',
    ]);
    assert.ok(document.servers?.length > 0, 'a servers entry');
  });

  it('types the web client exactly as the committed document says (run `npm run openapi`)', async () => {
    const committed = await readFile(OPENAPI_PATH, 'utf8');
    assert.equal(await readFile(CLIENT_TYPES_PATH, 'utf8'), await generateClientTypes(committed));
  });
});
