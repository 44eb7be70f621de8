// The visitor app's service worker: keeps the app shell so that the next label opens at once, even on
// a bad connection. It never keeps what the guide says (turns, sessions, audio): those always go to
// the server. Site descriptions are kept and refreshed in the background.
const VERSION = '{{{version}}}';
const SHELL_CACHE = `hg-shell-${VERSION}`;
const SITE_CACHE = 'hg-sites';
const SHELL_PAGE = '/v/';
const ASSETS = [
  {{{assets}}}
];

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL_CACHE);
    // the files' addresses carry their version, so what the page just loaded into the HTTP cache is right
    await cache.addAll([...ASSETS, SHELL_PAGE]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('hg-shell-') && name !== SHELL_CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && /^\/(v|c)\//.test(url.pathname)) {
    event.respondWith(page(request));
  } else if (url.pathname.startsWith(`/visitor/${VERSION}/`)) {
    event.respondWith(asset(request));
  } else if (/^\/api\/v1\/sites\/[^/]+(\/exhibits\/[^/]+)?$/.test(url.pathname)) {
    event.respondWith(siteData(event, request));
  }
  // everything else (sessions, turns, audio, the voice socket, the studio) is left to the browser
});

/** A label or hand-off page: the server's page when it comes quickly, else the kept shell at once. */
async function page(request) {
  const cache = await caches.open(SHELL_CACHE);
  const shell = await cache.match(SHELL_PAGE);
  const network = fetch(request);
  if (!shell) return network;
  const quick = new Promise((resolve) => setTimeout(() => resolve(null), 400));
  try {
    const response = await Promise.race([network, quick]);
    if (response) return response;
  } catch {
    // offline: the shell works from what it kept
  }
  return shell;
}

async function asset(request) {
  const cache = await caches.open(SHELL_CACHE);
  const kept = await cache.match(request, { ignoreSearch: true });
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) cache.put(request, response.clone());
  return response;
}

/** Site descriptions: the kept copy at once, refreshed behind it for next time. */
async function siteData(event, request) {
  const cache = await caches.open(SITE_CACHE);
  const kept = await cache.match(request);
  const refresh = fetch(request).then((response) => {
    if (response.ok) cache.put(request, response.clone());
    return response;
  });
  if (kept) {
    event.waitUntil(refresh.catch(() => {}));
    return kept;
  }
  return refresh;
}
