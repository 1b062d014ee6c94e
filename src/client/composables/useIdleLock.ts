import { onScopeDispose } from 'vue'
import { useSessionStore } from '../stores/session'
import { useSessionExit } from './useSessionExit'

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const

/**
 * Lock the shared tablet after the site's idle minutes (SPEC "Offline and sync"). Activity
 * anywhere counts; the check runs every few seconds and when the tablet wakes up.
 */
export function useIdleLock(checkEveryMs = 5_000): void {
  const session = useSessionStore()
  const exit = useSessionExit()
  const onActivity = (): void => session.touch(Date.now())
  const check = (): void => {
    if (session.isIdle(Date.now())) void exit.lock('idle')
  }
  for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true, capture: true })
  const timer = setInterval(check, checkEveryMs)
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') check()
  }
  document.addEventListener('visibilitychange', onVisible)
  onScopeDispose(() => {
    for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true })
    clearInterval(timer)
    document.removeEventListener('visibilitychange', onVisible)
  })
}
