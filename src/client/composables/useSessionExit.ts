import { useRouter } from 'vue-router'
import { useDb } from '../modules/db'
import { useSessionStore } from '../stores/session'
import { useUiStore } from '../stores/ui'
import { saveResumeRoute } from '../db/device/form-drafts'

/**
 * Leaving the tablet to someone else without losing a form (issue 10 point 1): locking (by hand or
 * when idle) keeps the page to return to in the login's `redirect`, which the lock screen keeps for the
 * person locked out; switching user with a form open keeps it for its author. Their drafts stay.
 */
export function useSessionExit(): { lock: (why?: 'idle' | 'byHand') => Promise<void>; switchStaff: () => Promise<void> } {
  const router = useRouter()
  const db = useDb()
  const session = useSessionStore()
  const ui = useUiStore()
  const here = (): string | undefined => {
    const r = router.currentRoute.value
    return r.name === 'login' ? undefined : r.fullPath
  }
  return {
    /** `locked=1`: the idle time passed (the lock screen says so); `locked=hand`: someone pressed 锁屏. */
    async lock(why = 'byHand') {
      const redirect = here()
      session.lock()
      await router.push({ name: 'login', query: { locked: why === 'idle' ? '1' : 'hand', ...(redirect ? { redirect } : {}) } })
    },
    async switchStaff() {
      const from = here()
      const staffId = session.staff?.id
      if (staffId && from && ui.hasUnsavedForm) await saveResumeRoute(db, staffId, from).catch(() => undefined)
      session.signOut()
      await router.push({ name: 'login' })
    },
  }
}
