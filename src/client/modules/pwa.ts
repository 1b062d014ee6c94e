/**
 * Service-worker registration through workbox-window (issue 2 point 6). A new version is
 * offered, never forced: the ui store shows the prompt and refuses to reload under an unsaved
 * form. Tablets stay open for weeks, so updates are also looked for hourly and whenever the
 * app becomes visible again.
 */
import { Workbox } from 'workbox-window'
import type { useUiStore } from '../stores/ui'

export const UPDATE_CHECK_MS = 60 * 60 * 1000

let workbox: Workbox | null = null

export function registerServiceWorker(ui: ReturnType<typeof useUiStore>): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return
  workbox = new Workbox('/sw.js', { scope: '/' })
  const wb = workbox
  wb.addEventListener('waiting', () => {
    ui.offerUpdate(() => {
      wb.addEventListener('controlling', () => window.location.reload())
      wb.messageSkipWaiting()
    })
  })
  void wb.register().catch((e: unknown) => console.warn('service worker registration failed', e))
  setInterval(() => void checkForUpdate(), UPDATE_CHECK_MS)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void checkForUpdate()
  })
}

/** Ask the server for a newer service worker now; false when offline or unsupported. */
export async function checkForUpdate(): Promise<boolean> {
  if (!workbox || !navigator.onLine) return false
  try {
    await workbox.update()
    return true
  } catch {
    return false
  }
}
