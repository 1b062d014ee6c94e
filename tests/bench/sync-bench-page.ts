/**
 * Runs in Chromium (served by Vite, `/api` proxied to the benchmark's server so the page and the
 * API share one origin): the client side of the sync benchmark on the browser's own IndexedDB.
 */
import { runPull, runPush } from './sync-client'

;(window as unknown as { syncBench: { runPull: typeof runPull; runPush: typeof runPush } }).syncBench = { runPull, runPush }
document.title = 'ready'
