/**
 * Service-worker registration through workbox-window (issue 2 point 6). A new version is
 * offered, never forced: the ui store shows the prompt and refuses to reload under an unsaved
 * form. Tablets stay open for weeks, so updates are also looked for hourly and whenever the
 * app becomes visible again, and on request (设置 → 检查更新), which always answers. workbox-window is
 * loaded when the registration starts, after the first screen is painted (issue 17).
 */
import type { Workbox } from 'workbox-window'
import type { useUiStore } from '../stores/ui'

export const UPDATE_CHECK_MS = 60 * 60 * 1000
/** How long a check waits for a new version found on the server to finish installing. */
const INSTALL_WAIT_MS = 60_000

let workbox: Workbox | null = null
/** Show the prompt for the version waiting (again, after 稍后). */
let offerWaiting: (() => void) | null = null

/** The registration once begun: a check asked for while workbox-window still loads waits for it. */
let starting: Promise<void> | null = null

export function registerServiceWorker(ui: ReturnType<typeof useUiStore>): Promise<void> {
  starting ??= start(ui)
  return starting
}

async function start(ui: ReturnType<typeof useUiStore>): Promise<void> {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return
  const { Workbox } = await import('workbox-window')
  workbox = new Workbox('/sw.js', { scope: '/' })
  const wb = workbox
  offerWaiting = () =>
    ui.offerUpdate(() => {
      wb.addEventListener('controlling', () => window.location.reload())
      wb.messageSkipWaiting()
    })
  wb.addEventListener('waiting', offerWaiting)
  void wb.register().catch((e: unknown) => console.warn('service worker registration failed', e))
  setInterval(() => void checkForUpdate(), UPDATE_CHECK_MS)
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') void checkForUpdate()
  })
}

/** What a check for a new version found: one waits (the prompt shows), none, or the server could not be asked. */
export type UpdateCheck = 'available' | 'upToDate' | 'failed'

/** Resolves once `worker` has left the installing state (installed, or redundant when its install failed); false on timeout. */
function settled(worker: ServiceWorker | null | undefined): Promise<boolean> {
  if (!worker || worker.state !== 'installing') return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), INSTALL_WAIT_MS)
    worker.addEventListener('statechange', function done() {
      if (worker.state === 'installing') return
      worker.removeEventListener('statechange', done)
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/**
 * Ask the server for a newer service worker now. A version already waiting — one the clerk put off
 * with 稍后, for which the browser fires no second event — brings the prompt back.
 */
export async function checkForUpdate(): Promise<UpdateCheck> {
  // Tapped just after a page load, before workbox-window has arrived: not "the server cannot be reached".
  await starting?.catch(() => undefined)
  if (!workbox || !navigator.onLine) return 'failed'
  let asked = true
  try {
    await workbox.update()
  } catch {
    // The browser may be fetching the same new version already (its own check on a navigation): what the
    // registration holds then still answers, rather than "the server cannot be reached".
    asked = false
  }
  const registration = await navigator.serviceWorker.getRegistration()
  if (!(await settled(registration?.installing))) return 'failed'
  if (registration?.waiting) {
    offerWaiting?.()
    return 'available'
  }
  return asked ? 'upToDate' : 'failed'
}
