import assert from 'node:assert/strict';
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

  it('types the web client exactly as the committed document says (run `npm run openapi`)', async () => {
    const committed = await readFile(OPENAPI_PATH, 'utf8');
    assert.equal(await readFile(CLIENT_TYPES_PATH, 'utf8'), await generateClientTypes(committed));
  });
});
