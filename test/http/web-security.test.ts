import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { corpusPath } from '../helpers/corpus.js';
import {
  ADMIN,
  multipart,
  setupAdmin,
  startTestApp,
  uploadFile,
  waitForAsset,
  type Session,
  type TestApp,
} from '../helpers/test-app.js';

const LISTED = 'https://app.example';
const EVIL = 'https://evil.example';
const TUS = { 'tus-resumable': '1.0.0' };

/** Security headers, the cross-site check on cookie sessions, CORS, and what is not the app. */
describe('the HTTP edge: headers, cross-site requests, CORS', () => {
  let t: TestApp;
  let admin: Session;
  let cookie: Record<string, string>;

  before(async () => {
    t = await startTestApp({
      env: { KEEPSAKE_CORS_ORIGINS: LISTED, KEEPSAKE_TRUST_PROXY: 'true' },
    });
    admin = await setupAdmin(t.app);
    cookie = { keepsake_session: admin.token };
  });
  after(() => t.close());

  const withCookie = (options: InjectOptions & { headers?: Record<string, string> }) =>
    t.app.inject({ ...options, cookies: cookie });

  it('sends nosniff everywhere, a strict CSP on the web app and the API, and no referrer from a link page', async () => {
    const page = await t.app.inject({ url: '/' });
    const csp = String(page.headers['content-security-policy']);
    for (const directive of [
      "script-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
    ])
      assert.ok(csp.includes(directive), `${directive} in ${csp}`);
    assert.ok(!/script-src[^;]*unsafe/.test(csp), 'no unsafe script sources');
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.equal(page.headers['referrer-policy'], 'same-origin');
    assert.equal(page.headers['x-frame-options'], 'DENY');

    const link = await t.app.inject({ url: '/s/some-link-key' });
    assert.equal(link.headers['referrer-policy'], 'no-referrer');
    assert.match(String(link.headers['content-security-policy']), /frame-ancestors 'none'/);

    for (const url of ['/api/health', '/api/users/me', '/api/no-such-route']) {
      const res = await t.app.inject({ url, headers: admin.headers });
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(
        res.headers['content-security-policy'],
        "default-src 'none'; frame-ancestors 'none'",
        url,
      );
    }
    // tus writes its own answers.
    const tus = await t.app.inject({ method: 'OPTIONS', url: '/api/uploads' });
    assert.equal(tus.headers['x-content-type-options'], 'nosniff');
  });

  it('keeps a route’s own policy (an original is sandboxed)', async () => {
    const { id } = (await uploadFile(t.app, admin, corpusPath('jpeg-exif/picasa.jpg'))).json();
    await waitForAsset(t.app, admin, id);
    const original = await t.app.inject({
      url: `/api/assets/${id}/original`,
      headers: admin.headers,
    });
    assert.equal(original.statusCode, 200);
    assert.match(String(original.headers['content-security-policy']), /sandbox/);
  });

  it('answers 404, not the web app, for /.well-known and unknown API paths', async () => {
    for (const url of ['/.well-known/security.txt', '/.well-known/apple-app-site-association']) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      assert.doesNotMatch(res.body, /<html/i, url);
    }
    for (const [method, url] of [
      ['GET', '/api/nothing-here'],
      ['GET', '/api'],
      ['GET', '/api/'],
      ['POST', '/api/nothing/here'],
      ['HEAD', '/api/nothing-here'],
    ] as const) {
      const res = await t.app.inject({ method, url });
      assert.equal(res.statusCode, 404, `${method} ${url}`);
      assert.match(String(res.headers['content-type']), /application\/json/, `${method} ${url}`);
      if (method !== 'HEAD') assert.equal(res.json().code, 'ROUTE_NOT_FOUND');
    }
  });

  it('marks the session cookie Secure when the request came over HTTPS (as a trusted proxy says)', async () => {
    const signIn = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: ADMIN });
    const plain = (await signIn({})).cookies.find((c) => c.name === 'keepsake_session');
    assert.ok(plain && !plain.secure, 'plain HTTP: not Secure, or it would never come back');
    const https = (await signIn({ 'x-forwarded-proto': 'https' })).cookies.find(
      (c) => c.name === 'keepsake_session',
    );
    assert.equal(https?.secure, true);
  });

  it('refuses state-changing requests from another site’s page that rely on the cookie', async () => {
    const photo = (await uploadFile(t.app, admin, corpusPath('jpeg-exif/Casio EX-Z3.jpg'))).json();
    await waitForAsset(t.app, admin, photo.id);
    await t.app.inject({
      method: 'DELETE',
      url: `/api/assets/${photo.id}`,
      headers: admin.headers,
    });
    const upload = await multipart({
      data: await readFile(corpusPath('jpeg-exif/Nikon E885.jpg')),
      name: 'Nikon E885.jpg',
    });
    const attempts: (InjectOptions & { headers?: Record<string, string> })[] = [
      { method: 'POST', url: `/api/assets/${photo.id}/restore` },
      { method: 'POST', url: `/api/assets/${photo.id}/reprocess` },
      { method: 'POST', url: '/api/jobs/retry-failed' },
      { method: 'POST', url: '/api/assets', headers: upload.headers, payload: upload.payload },
      {
        method: 'POST',
        url: '/api/uploads',
        headers: { ...TUS, 'upload-length': '10', 'upload-metadata': 'filename YS5qcGc=' },
      },
      { method: 'POST', url: '/api/auth/login', payload: ADMIN },
    ];
    for (const attempt of attempts) {
      for (const forged of [
        { origin: EVIL } as Record<string, string>,
        { 'sec-fetch-site': 'cross-site' },
        { origin: 'null' },
      ]) {
        const res = await withCookie({ ...attempt, headers: { ...attempt.headers, ...forged } });
        assert.equal(res.statusCode, 403, `${attempt.url} ${JSON.stringify(forged)}: ${res.body}`);
        assert.equal(res.json().code, 'CROSS_SITE_REQUEST');
      }
    }
    // Nothing happened: the photo is still in the trash.
    const still = await t.app.inject({ url: `/api/assets/${photo.id}`, headers: admin.headers });
    assert.equal(still.json().isTrashed, true, 'still trashed');

    // The same requests from the app's own page (or a listed origin) go through.
    const restore = await withCookie({
      method: 'POST',
      url: `/api/assets/${photo.id}/restore`,
      headers: { origin: 'http://localhost' },
    });
    assert.equal(restore.statusCode, 200, restore.body);
    assert.equal(restore.json().isTrashed, false);
    const retry = await withCookie({
      method: 'POST',
      url: '/api/jobs/retry-failed',
      headers: { origin: LISTED, 'sec-fetch-site': 'cross-site' },
    });
    assert.equal(retry.statusCode, 200, retry.body);
    const uploaded = await withCookie({
      method: 'POST',
      url: '/api/assets',
      headers: { ...upload.headers, 'sec-fetch-site': 'same-origin' },
      payload: upload.payload,
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    // A bearer token or an API key is not something another site's page can send.
    const bearer = await t.app.inject({
      method: 'POST',
      url: '/api/jobs/retry-failed',
      headers: { ...admin.headers, origin: EVIL },
    });
    assert.equal(bearer.statusCode, 200, bearer.body);
  });

  it('answers CORS preflights for listed origins only, tus and API alike', async () => {
    const key = (
      await t.app.inject({
        method: 'POST',
        url: '/api/api-keys',
        headers: admin.headers,
        payload: { name: 'cross-origin uploader' },
      })
    ).json<{ secret: string }>().secret;
    const preflight = (origin: string, url: string) =>
      t.app.inject({
        method: 'OPTIONS',
        url,
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers':
            'x-api-key,tus-resumable,upload-length,upload-metadata,content-type',
        },
      });
    for (const url of ['/api/uploads', '/api/assets']) {
      const allowed = await preflight(LISTED, url);
      assert.ok(allowed.statusCode < 300, `${url}: ${allowed.statusCode}`);
      assert.equal(allowed.headers['access-control-allow-origin'], LISTED);
      const headers = String(allowed.headers['access-control-allow-headers']).toLowerCase();
      for (const name of [
        'x-api-key',
        'authorization',
        'content-type',
        'tus-resumable',
        'upload-length',
        'upload-offset',
        'upload-metadata',
        'upload-defer-length',
        'upload-concat',
        'x-http-method-override',
      ])
        assert.ok(headers.includes(name), `${url} allows ${name}: ${headers}`);
      assert.match(String(allowed.headers['access-control-allow-methods']), /PATCH/);

      const other = await preflight(EVIL, url);
      assert.equal(other.headers['access-control-allow-origin'], undefined, url);
    }

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: {
        ...TUS,
        origin: LISTED,
        'x-api-key': key,
        'upload-length': '10',
        'upload-metadata': 'filename YS5qcGc=',
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.headers['access-control-allow-origin'], LISTED);
    const exposed = String(created.headers['access-control-expose-headers']).toLowerCase();
    for (const name of ['location', 'upload-offset', 'tus-resumable'])
      assert.ok(exposed.includes(name), `exposes ${name}: ${exposed}`);
    const fromElsewhere = await t.app.inject({
      method: 'POST',
      url: '/api/uploads',
      headers: {
        ...TUS,
        origin: EVIL,
        'x-api-key': key,
        'upload-length': '10',
        'upload-metadata': 'filename YS5qcGc=',
      },
    });
    assert.equal(fromElsewhere.headers['access-control-allow-origin'], undefined);
    const api = await t.app.inject({
      url: '/api/users/me',
      headers: { origin: LISTED, 'x-api-key': key },
    });
    assert.equal(api.headers['access-control-allow-origin'], LISTED);
    assert.equal(api.headers['access-control-allow-credentials'], undefined, 'no cookies');
  });

  it('offers no cross-origin access at all unless origins are listed', async () => {
    const bare = await startTestApp({ workers: false });
    try {
      const preflight = await bare.app.inject({
        method: 'OPTIONS',
        url: '/api/uploads',
        headers: {
          origin: LISTED,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'x-api-key,tus-resumable',
        },
      });
      assert.equal(preflight.headers['access-control-allow-origin'], undefined);
      const created = await bare.app.inject({
        method: 'POST',
        url: '/api/uploads',
        headers: { ...TUS, origin: LISTED, 'upload-length': '10' },
      });
      assert.equal(created.headers['access-control-allow-origin'], undefined);
    } finally {
      await bare.close();
    }
  });
});
