// The service worker: the page works offline after its first visit. Every file is cached
// under a version that scripts/build derives from the files' contents (pkg/version.js); a new
// version installs beside the old one and waits until the page asks it to take over.
importScripts('./pkg/version.js');
const CACHE = `zhreport-${self.ZHREPORT_VERSION ?? 'dev'}`;
const FILES = [
  './',
  'index.html',
  'app.js',
  'extract.js',
  'docx.js',
  'csv.js',
  'worker.js',
  'style.css',
  'favicon.svg',
  'pkg/zhreport.js',
  'pkg/zhreport_bg.wasm',
  'pkg/zhreport_compare.js',
  'pkg/zhreport_compare_bg.wasm',
  'pkg/version.js',
  'samples/sample.txt',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('zhreport-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'update') self.skipWaiting();
});

// Cache first: the page's own files never change under a version.
self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(event.request, { ignoreSearch: true });
      if (hit) return hit;
      if (event.request.mode === 'navigate') {
        const page = await cache.match('index.html');
        if (page) return page;
      }
      return fetch(event.request);
    }),
  );
});
