// The offline worker: after the first visit, the app and the reports published with it open
// without a network. The build (scripts/finish-build.mjs) fills in the file list and a version
// that changes whenever any file does, so a new build replaces the old cache as a whole.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `report-reader-${VERSION}`;

// Every address of the app (`./`, `./?report=…`, `./?library`) is the one page: it is kept once,
// under the scope's own address, whatever the query.
const pageKey = () => new URL('./', self.registration.scope).href;

self.addEventListener('install', (event) => {
  // From the server, not from the HTTP cache: a file without a hash in its name (the page, the
  // manifest, the reports) may have changed since the browser last kept a copy of it.
  const fresh = FILES.map((file) => new Request(new URL(file, self.registration.scope).href, { cache: 'reload' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(fresh)));
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

// What another app shares to the reader (the manifest's share target posts it here) is kept
// for the page, which `./?shared` opens (web/launch.js takes it).
async function receiveShared(request) {
  const form = await request.formData();
  const file = form.get('file');
  const cache = await caches.open('shared-with-report-reader');
  if (file && typeof file !== 'string' && file.size > 0) {
    await cache.put('shared', new Response(file, { headers: { 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) } }));
  } else {
    const text = ['title', 'text'].map((field) => form.get(field)).filter((v) => typeof v === 'string' && v.trim()).join('\n\n');
    const link = typeof form.get('url') === 'string' ? form.get('url') : '';
    const headers = { 'content-type': 'text/plain; charset=utf-8', 'x-link': encodeURIComponent(link) };
    await cache.put('shared', new Response(text.trim() ? [text, link].filter(Boolean).join('\n\n') : '', { headers: text.trim() ? { ...headers, 'x-file-name': encodeURIComponent('Shared text.txt') } : headers }));
  }
  return Response.redirect(new URL('./?shared', self.registration.scope).href, 303);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method === 'POST' && url.href === new URL('./share', self.registration.scope).href) {
    event.respondWith(receiveShared(request));
    return;
  }
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (HASHED.test(url.pathname)) {
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
    return;
  }
  const key = request.mode === 'navigate' ? pageKey() : request;
  // The copy is taken as the answer arrives, before the page reads it, and kept within the
  // event's lifetime, so the worker is not stopped before it is written.
  const answered = fetch(request).then((response) => ({ response, copy: response.ok ? response.clone() : null }));
  event.waitUntil(
    answered.then(({ copy }) => copy && caches.open(CACHE).then((cache) => cache.put(key, copy))).catch(() => {}),
  );
  event.respondWith(
    answered.then(({ response }) => response).catch(() => caches.match(key).then((hit) => hit || Response.error())),
  );
});
