import { ref, type Ref, type ShallowRef } from 'vue'
import type { DutyEntry } from '@shared/domain/duty-log'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { dutyLogDay, submitReview } from '@client/db/review/reviews'
import type { RegisterProblem } from '@client/db/register/receptions'
import { problemKeys } from '@client/components/error-message'

/** The day of duty log being reviewed, and signing it off (篇2 4.2.5). */
export function useDutyReview(): { period: Ref<string | null>; day: ShallowRef<{ entries: DutyEntry[]; openIds: Set<string> }>; submit: (comment: string, signature: string | null) => Promise<string[]> } {
  const db = useDb()
  const session = useSessionStore()
  const period = ref<string | null>(null)
  const day = useLiveQuery(async () => (period.value && session.local ? dutyLogDay(db, session.local.site.id, period.value) : { entries: [], openIds: new Set<string>() }), { entries: [], openIds: new Set<string>() }, [period])
  return {
    period,
    day,
    async submit(comment, signature) {
      const staff = session.staff
      if (!staff || !period.value) return ['dutyLog.problems.notAllowed']
      try {
        await submitReview(db, { ...session.actor(), staffId: staff.id }, staff.role, { kind: 'dutyLogDaily', period: period.value, tz: session.timezone, comment, signature })
        period.value = null
        return []
      } catch (e) {
        return problemKeys<RegisterProblem>(e, (p) => `register.problems.${p}`)
      }
    },
  }
}
