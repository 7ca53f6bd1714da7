// Keepsake's service worker.
//
// [Note: Offline shell and thumbnails]
// - The app shell (index.html, the hashed /assets/ files it names, the manifest and icons) is
//   cached at install, so the app opens without the network; files the app loads later (the
//   viewer, the uploader) are cached the first time they are fetched.
// - Pages are network-first: when the server answers, a new release shows at once. Its
//   index.html replaces the cached one, and the hashed files of the previous release are dropped.
// - A thumbnail URL that names its version (`?v=`) never changes: cache-first, the most recently
//   fetched ones kept. Everything else under /api/ goes to the network untouched: what a person
//   sees must be what the server says.
// - Signing out empties the thumbnail caches, as the next person on this browser is someone else.
// Bump the names when the caches' contents change shape; `activate` drops the old ones.
const SHELL = 'keepsake-shell-v2';
const THUMBNAILS = 'keepsake-thumbnails-v2';
const PREVIEWS = 'keepsake-previews-v2';
const KEPT = { [THUMBNAILS]: 2000, [PREVIEWS]: 100 };
const STATIC = ['/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(precacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  const current = [SHELL, THUMBNAILS, PREVIEWS];
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => !current.includes(k)).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.method === 'POST' && url.pathname === '/api/auth/logout') {
    event.waitUntil(Promise.all([caches.delete(THUMBNAILS), caches.delete(PREVIEWS)]));
    return;
  }
  if (request.method !== 'GET') return;

  if (/^\/api\/assets\/[^/]+\/thumbnail$/.test(url.pathname) && url.searchParams.has('v')) {
    const cacheName = url.searchParams.get('size') === 'preview' ? PREVIEWS : THUMBNAILS;
    event.respondWith(cacheFirst(request, cacheName));
    return;
  }
  if (url.pathname.startsWith('/api/')) return;

  // Hashed build files never change.
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request, SHELL));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && isHtml(response)) {
            const copy = response.clone();
            event.waitUntil(caches.open(SHELL).then((cache) => storeShell(cache, copy)));
          }
          return response;
        })
        .catch(async () => (await caches.match('/', { cacheName: SHELL })) ?? offline()),
    );
  }
});

async function precacheShell() {
  const cache = await caches.open(SHELL);
  const response = await fetch('/', { cache: 'no-cache' });
  if (!response.ok || !isHtml(response))
    throw new Error(`The app shell answered ${response.status}`);
  await storeShell(cache, response);
  await cache.addAll(STATIC);
}

/**
 * Keeps this index.html and the hashed files it names. When it differs from the cached one (a
 * new release), hashed files it does not name belong to the previous release and go.
 */
async function storeShell(cache, response) {
  const html = await response.clone().text();
  const previous = await cache.match('/');
  if (previous && (await previous.text()) === html) return;
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await Promise.all(
    assets.map(async (path) => {
      if (!(await cache.match(path))) await cache.add(path);
    }),
  );
  await cache.put('/', response);
  if (!previous) return;
  for (const key of await cache.keys()) {
    const path = new URL(key.url).pathname;
    if (path.startsWith('/assets/') && !assets.includes(path)) await cache.delete(key);
  }
}

let putsSinceTrim = 0;

async function cacheFirst(request, cacheName) {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  // Not an HTML fallback (a hashed file of a release that is gone answers index.html), and not
  // an opaque redirect to object storage (it would cost megabytes of quota each).
  if (response.ok && response.type === 'basic' && !isHtml(response)) {
    await cache.put(request, response.clone());
    const keep = KEPT[cacheName];
    putsSinceTrim += 1;
    if (keep && putsSinceTrim >= 20) {
      putsSinceTrim = 0;
      void trim(cache, keep);
    }
  }
  return response;
}

/** Drops the entries cached first (the Cache API keeps insertion order). */
async function trim(cache, keep) {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - keep))) await cache.delete(key);
}

function isHtml(response) {
  return (response.headers.get('Content-Type') ?? '').includes('text/html');
}

function offline() {
  return new self.Response(
    '<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width">' +
      '<title>Keepsake</title><p style="font-family:system-ui;padding:2em">You are offline, ' +
      'and Keepsake has not been opened on this device before. Connect and try again.</p>',
    { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } },
  );
}
