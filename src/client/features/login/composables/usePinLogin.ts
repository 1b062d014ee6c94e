import { computed, ref, type Ref } from 'vue'
import type { StaffCard } from '@shared/domain/staff'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { listShiftTypes, listStaff } from '@client/db/site/site'
import { loginWithPin, type LoginResult } from '@client/db/site/login'
import { saveResumeRoute, takeResumeRoute } from '@client/db/device/form-drafts'
import type { LoginDuty } from '@client/db/duty/duty-start-rules'
import { mayUseDevice } from '@shared/domain/device'

/** Staff who can log in on this tablet, and the PIN check itself. */
export function usePinLogin(): {
  staff: Ref<StaffCard[]>
  busy: Ref<boolean>
  attempt: (staffId: string, pin: string) => Promise<LoginResult & { duty?: LoginDuty; resume?: string }>
  keepForReturn: (staffId: string, route: string) => Promise<void>
} {
  const db = useDb()
  const session = useSessionStore()
  const siteId = (): string => session.local?.site.id ?? ''
  const all = useLiveQuery(() => listStaff(db, siteId()), [], [siteId])
  const busy = ref(false)
  /**
   * Logging in starts a clerk's duty (issue 5 point 1) — unless the month's roster is approved: then the roster
   * says who is on duty and nothing is written (issue 13 point 4). A failure here never keeps anyone out —
   * the today screen offers it again.
   */
  async function startDuty(staffId: string, role: StaffCard['role'], now: number): Promise<LoginDuty | undefined> {
    const local = session.local
    if (!local) return undefined
    try {
      // Loaded once a PIN is right, not with the login screen (issue 17).
      const [shifts, { startDutyOnLogin }] = await Promise.all([listShiftTypes(db, local.site.id), import('@client/db/duty/duty-start')])
      return await startDutyOnLogin(db, { ...session.actor(), staffId }, role, shifts, local.settings.timezone, local.settings.handoverLeadMinutes, now)
    } catch {
      return undefined
    }
  }
  return {
    // A department's own tablet offers that department's members only (the server refuses the others).
    staff: computed(() => all.value.filter((s) => s.active && (!session.local || mayUseDevice(session.local.device, s)))),
    busy,
    async attempt(staffId, pin) {
      busy.value = true
      try {
        const now = Date.now()
        const result = await loginWithPin(db, staffId, pin, now)
        if (!result.ok) return result
        session.signIn(result.staff, now)
        const duty = await startDuty(result.staff.id, result.staff.role, now)
        // Back to the page (and the form's draft) they left when the tablet locked (issue 10 point 1).
        const resume = (await takeResumeRoute(db, result.staff.id).catch(() => null)) ?? undefined
        return { ...result, duty, resume }
      } finally {
        busy.value = false
      }
    },
    /** The lock screen keeps the page of the person locked out, whoever logs in next. */
    async keepForReturn(staffId, route) {
      await saveResumeRoute(db, staffId, route).catch(() => undefined)
    },
  }
}
