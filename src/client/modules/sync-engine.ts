/**
 * Starts the sync engine for the app and wires its triggers (docs/sync-protocol.md "The client
 * engine"): start, `online`, becoming visible, the engine's own timer, local writes, and the
 * service worker's Background Sync where the browser has it. Loaded after the first screen
 * (`modules/sync.ts`), as its own chunk.
 */
import { liveQuery } from 'dexie'
import type { Pinia } from 'pinia'
import type { DeskbookDb } from '../db/database'
import { outboxSignal } from '../db/write-records'
import { getServerLink } from '../db/device/server-link'
import { SyncEngine } from '../sync/engine'
import { fetchTransport } from '../sync/transport'
import { wipeDevice } from '../sync/wipe'
import { useSyncStore } from '../stores/sync'
import { useSessionStore } from '../stores/session'
import { loadLocalSite } from '../db/site/site'
import { REVOKED_FLAG } from '../sync/revoked-flag'

const BACKGROUND_SYNC_TAG = 'deskbook-sync'

export function startSync(db: DeskbookDb, pinia: Pinia): SyncEngine {
  const store = useSyncStore(pinia)
  const session = useSessionStore(pinia)
  const refreshSite = async (): Promise<void> => {
    const local = await loadLocalSite(db)
    if (local && JSON.stringify(local) !== JSON.stringify(session.local)) session.setSite(local)
  }
  const engine = new SyncEngine({
    db,
    transport: fetchTransport(),
    onStatus: (s) => {
      const before = store.status.lastSuccessAt
      store.setStatus(s)
      // Pulled changes to the site, its settings or this device reach the session (idle time, timezone …).
      if (s.lastSuccessAt !== before) void refreshSite()
    },
    async onRevoked() {
      await wipeDevice(db)
      // Survives the wipe (set after it) so the fresh app can say why it starts over.
      sessionStorage.setItem(REVOKED_FLAG, '1')
      window.location.replace('/setup')
    },
  })
  store.setRunner(() => engine.run())
  liveQuery(() => db.outbox.count()).subscribe({ next: (n) => store.setPending(n), error: () => {} })
  void getServerLink(db).then((link) => store.setDeviceLetter(link?.letter ?? null))

  outboxSignal.addEventListener('queued', () => {
    engine.soon()
    if (!navigator.onLine) void registerBackgroundSync()
  })
  window.addEventListener('online', () => void engine.run())
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void engine.run()
  })
  navigator.serviceWorker?.addEventListener('message', (event: MessageEvent) => {
    if ((event.data as { type?: string } | null)?.type === 'SYNC_NOW') void engine.run()
  })
  return engine
}

/** Ask the service worker to wake us when the connection returns (Chromium only; an extra, not the mechanism). */
async function registerBackgroundSync(): Promise<void> {
  try {
    const reg = (await navigator.serviceWorker?.ready) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined
    await reg?.sync?.register(BACKGROUND_SYNC_TAG)
  } catch {
    // Not supported or not allowed: the page's own triggers still sync.
  }
}
