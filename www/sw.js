// The offline service worker: keeps a copy of the page's own files and serves
// them when the network is gone. Network first, so a new build shows at once;
// the cache only answers when the fetch fails. Only same-origin GETs are handled.
const CACHE = 'tahlil-v1';
const SHELL = [
  './', 'index.html', 'style.css', 'favicon.svg', 'app.js', 'worker.js', 'worker-client.js', 'render.js',
  'kinds.js', 'chunks.js', 'files.js', 'charts.js', 'export.js',
  'pkg/tahlil.js', 'pkg/tahlil_bg.wasm', 'samples/sample-ar.txt',
];

/** The JavaScript snippets wasm-bindgen writes beside the glue (their folder is named by a hash), read from its imports. */
async function glueSnippets() {
  const glue = await (await fetch('pkg/tahlil.js')).text();
  return [...new Set([...glue.matchAll(/from\s+['"]\.\/(snippets\/[^'"]+)['"]/g)].map((m) => `pkg/${m[1]}`))];
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then(async (cache) => cache.addAll([...SHELL, ...(await glueSnippets())]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? Response.error())),
  );
});
