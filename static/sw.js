// Long Game's service worker: the built app works offline after one visit. VERSION and FILES
// (each file with its SHA-256) are filled in by scripts/post-build.mjs from the built files, so
// every deploy is a new cache holding one consistent set of files.
const VERSION = '__VERSION__';
const FILES = [['__FILE__', '__INTEGRITY__']];
const CACHE = `longgame-${VERSION}`;

/**
 * One file of this version: first the copy the browser already holds (the page downloaded
 * every file just before registering this worker, so a first visit downloads nothing twice),
 * then, if that copy is missing or from another deploy, the server's. The integrity check
 * makes either copy this version's exact bytes or fails the install.
 */
async function fetchExact(url, integrity) {
  try {
    const held = await fetch(new Request(url, { cache: 'force-cache', integrity }));
    if (held.ok) return held;
  } catch { /* not held, or another deploy's: ask the server */ }
  const fresh = await fetch(new Request(url, { cache: 'no-cache', integrity }));
  if (!fresh.ok) throw new Error(`${url}: ${fresh.status}`);
  return fresh;
}

/** The links the app is open at: the page was downloaded under one of them, not under './'. */
async function pageUrls() {
  const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  return open.map((c) => c.url.split('#')[0]).filter((url) => url.startsWith(self.registration.scope));
}

/** The page (cached under './'): the copy a window downloaded if it is this version's. */
async function fetchPage(integrity) {
  for (const url of await pageUrls()) {
    try {
      const held = await fetch(new Request(url, { cache: 'only-if-cached', mode: 'same-origin', integrity }));
      if (held.ok) return held;
    } catch { /* not held or another deploy's */ }
  }
  return fetchExact('./', integrity);
}

self.addEventListener('install', (event) => {
  // All or nothing: a set that fails to download (or mixes deploys) is never used.
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await Promise.all(FILES.map(async ([file, integrity]) => {
      const response = file === './' ? await fetchPage(integrity) : await fetchExact(file, integrity);
      await cache.put(new URL(file, self.registration.scope).href, response);
    }));
  })().catch(async (err) => {
    await caches.delete(CACHE);
    throw err;
  }));
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
