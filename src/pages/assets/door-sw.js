// The door app's service worker (served as /api/v1/door/sw.js, scope /api/v1/door): keeps the
// page and its assets so that a reload without network still opens the app. Scans, the roster
// and counts are the page's own business (IndexedDB); API requests pass through untouched.
'use strict';

const CACHE = 'netralitas-door-v1';
const PAGE = self.registration.scope;
const ASSETS = new URL('../assets/', self.location).pathname;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetch(PAGE, { cache: 'no-store' });
      if (!page.ok) throw new Error(`The door page answered ${page.status}`);
      // The page names its stylesheets and scripts (jsQR too) by their hashed URLs.
      const html = await page.clone().text();
      const pattern = new RegExp(`${ASSETS.replace(/[/.]/g, '\\$&')}[A-Za-z0-9._-]+`, 'g');
      await cache.addAll([...new Set(html.match(pattern) || [])]);
      await cache.put(PAGE, page);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.href.split(/[?#]/)[0] === PAGE) {
    // The page: fresh from the network when there is one (a new version of the app), kept otherwise.
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        try {
          const response = await fetch(request);
          if (response.ok) await cache.put(PAGE, response.clone());
          return response;
        } catch {
          return (await cache.match(PAGE)) || Response.error();
        }
      })(),
    );
  } else if (url.pathname.startsWith(ASSETS)) {
    // Hashed names never change content: the kept copy is the right one.
    event.respondWith(
      (async () => {
        const cache = await caches.open(CACHE);
        const kept = await cache.match(request);
        if (kept) return kept;
        const response = await fetch(request);
        if (response.ok) await cache.put(request, response.clone());
        return response;
      })(),
    );
  }
});
