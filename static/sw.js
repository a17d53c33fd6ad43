// Long Game's service worker: the built app works offline after one visit. VERSION and FILES
// are filled in by scripts/post-build.mjs from the built files, so every deploy is a new
// cache holding one consistent set of files.
const VERSION = '__VERSION__';
const FILES = ['__FILES__'];
const CACHE = `longgame-${VERSION}`;

self.addEventListener('install', (event) => {
  // All or nothing: a set that fails to download is never used.
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('longgame-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

// The page asks for the new version (its "Reload" button) once it is installed.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

// Every file from this version's cache (the page and the app, whatever the query string);
// anything else from the network.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const scope = self.registration.scope;
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  const path = new URL(request.url).pathname.slice(new URL(scope).pathname.length);
  const key = new URL(request.mode === 'navigate' ? './' : path, scope).href;
  event.respondWith(caches.open(CACHE)
    .then((c) => c.match(key))
    .then((hit) => hit || fetch(request)));
});
