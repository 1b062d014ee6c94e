import { ref, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import type { Review, ReviewKind } from '@shared/domain/review'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useReviewsDue } from '@client/composables/useReviewsDue'
import { periodRequests, submitReview } from '@client/db/review/reviews'
import type { RegisterProblem } from '@client/db/register/receptions'
import type { ReceptionIndexRow } from '@client/db/register/index-row'
import { problemKeys } from '@client/components/error-message'

/** Reviews this role owes (篇4 4.3 daily for the supervisor, 篇4 4.9 weekly for the manager), and signing one. */
export function useReviews(): {
  kind: ComputedRef<ReviewKind | null>
  due: ComputedRef<string[]>
  running: ComputedRef<string | null>
  done: ShallowRef<Review[]>
  period: Ref<string | null>
  requests: ShallowRef<ReceptionIndexRow[]>
  submit: (comment: string, signature: string | null) => Promise<string[]>
} {
  const db = useDb()
  const session = useSessionStore()
  const tz = (): string => session.timezone
  const { kind, due, running, done } = useReviewsDue()
  const period = ref<string | null>(null)
  const requests = useLiveQuery(
    async () => (period.value && kind.value && session.local ? periodRequests(db, session.local.site.id, kind.value, period.value, tz()) : []),
    [],
    [period, kind],
  )
  return {
    kind,
    due,
    running,
    done,
    period,
    requests,
    async submit(comment, signature) {
      const staff = session.staff
      if (!staff || !kind.value || !period.value) return ['register.problems.notAllowed']
      try {
        await submitReview(db, { ...session.actor(), staffId: staff.id }, staff.role, { kind: kind.value, period: period.value, tz: tz(), comment, signature })
        period.value = null
        return []
      } catch (e) {
        return problemKeys<RegisterProblem>(e, (p) => `register.problems.${p}`)
      }
    },
  }
}
