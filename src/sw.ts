/// <reference lib="webworker" />
/**
 * Service worker (vite-plugin-pwa, injectManifest): precaches the app shell so the app opens
 * with no network, answers every page navigation with index.html (deep links work offline),
 * and never touches /api/* — data goes through IndexedDB and the sync engine, not this cache.
 * A new version waits until the page asks it to take over (the update prompt), never by itself.
 */
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching'
import { NavigationRoute, registerRoute } from 'workbox-routing'

declare const self: ServiceWorkerGlobalScope

precacheAndRoute(self.__WB_MANIFEST)
cleanupOutdatedCaches()

registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//] }))

self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting()
})

// Background Sync (where the browser has it): wake an open page to sync. The page does the work;
// this is an extra on top of its own triggers (iPad Safari has no Background Sync).
self.addEventListener('sync', (event) => {
  const e = event as ExtendableEvent & { tag?: string }
  if (e.tag !== 'deskbook-sync') return
  e.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'SYNC_NOW' })
    }),
  )
})

self.addEventListener('activate', (event) => {
  // First install only: take control of the open page so it works offline at once.
  event.waitUntil(self.clients.claim())
})
