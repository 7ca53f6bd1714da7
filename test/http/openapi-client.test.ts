import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import createClient from 'openapi-fetch';
import type { paths } from '../../web/src/api/schema.js';
import { corpusPath } from '../helpers/corpus.js';
import { setupAdmin, startTestApp, type Session, type TestApp } from '../helpers/test-app.js';

/*
 * A client generated from docs/openapi.json (openapi-typescript's types, openapi-fetch) calls the
 * API as a third party would: over HTTP, typed only by the document. This file must type-check.
 */
describe('a client generated from the OpenAPI document', () => {
  let t: TestApp;
  let admin: Session;
  let baseUrl: string;

  before(async () => {
    t = await startTestApp({ workers: false });
    admin = await setupAdmin(t.app);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    assert.ok(address && typeof address === 'object');
    baseUrl = `http://127.0.0.1:${address.port}`;
  });
  after(async () => {
    // fetch keeps its connection alive, and the app waits for idle ones (forceCloseConnections).
    t.app.server.closeAllConnections();
    await t.close();
  });

  it('uploads a file with POST /api/assets (multipart/form-data) and reads it back', async () => {
    const client = createClient<paths>({ baseUrl, headers: admin.headers });
    const bytes = await readFile(corpusPath('jpeg-exif/EPSN0002.JPG'));
    const { data, error, response } = await client.POST('/api/assets', {
      body: {
        file: new File([bytes], 'EPSN0002.JPG', { type: 'image/jpeg' }),
        deviceId: 'openapi-client',
      },
      bodySerializer: (body) => {
        const form = new FormData();
        for (const [name, value] of Object.entries(body)) form.append(name, value);
        return form;
      },
    });
    assert.equal(response.status, 201, JSON.stringify(error));
    assert.equal(data?.status, 'created');
    assert.ok(data?.id);

    const original = await client.GET('/api/assets/{id}/original', {
      params: { path: { id: data.id } },
      parseAs: 'arrayBuffer',
    });
    assert.equal(original.response.status, 200);
    assert.ok(Buffer.from(original.data as ArrayBuffer).equals(bytes), 'byte for byte');
  });
});
