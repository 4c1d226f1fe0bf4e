// The offline worker: after the first visit, the app and the reports published with it open
// without a network. The build (scripts/finish-build.mjs) fills in the file list and a version
// that changes whenever any file does, so a new build replaces the old cache as a whole.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `report-reader-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(FILES.map((file) => new URL(file, self.registration.scope).href))),
  );
  self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('report-reader-') && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// Files with a content hash in their name never change: the cache answers. Everything else
// (the page, the manifest, the published reports) comes from the network when it can, so a
// new publication is seen at once, and from the cache when it cannot.
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
    return;
  }
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() =>
        caches.match(request, { ignoreSearch: request.mode === 'navigate' }).then(
          (hit) => hit || (request.mode === 'navigate' ? caches.match(new URL('./', self.registration.scope).href) : undefined) || Response.error(),
        ),
      ),
  );
});
