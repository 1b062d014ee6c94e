import { computed, ref, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { dailyReviewsDue, weeklyReviewsDue, type Review, type ReviewKind } from '@shared/domain/review'
import { localDate } from '@shared/domain/time'
import { useDb } from '../../../modules/db'
import { useSessionStore } from '../../../stores/session'
import { useLiveQuery } from '../../../composables/useLiveQuery'
import { useNow } from '../../../composables/useNow'
import { periodRequests, submitReview } from '../../../db/repositories/reviews'
import { ReceptionInvalidError } from '../../../db/repositories/receptions'
import type { ReceptionIndexRow } from '../../../db/reception-index'
import { errorMessageKey } from '../../../components/error-message'

/** Reviews this role owes (4.3 daily for the supervisor, 4.9 weekly for the manager), and signing one. */
export function useReviews(): {
  kind: ComputedRef<ReviewKind | null>
  due: ComputedRef<string[]>
  done: ShallowRef<Review[]>
  period: Ref<string | null>
  requests: ShallowRef<ReceptionIndexRow[]>
  submit: (comment: string, signature: string | null) => Promise<string[]>
} {
  const db = useDb()
  const session = useSessionStore()
  const now = useNow(60_000)
  const tz = (): string => session.local?.settings.timezone ?? 'Asia/Shanghai'
  const kind = computed<ReviewKind | null>(() => (session.may('review.registerWeekly') ? 'registerWeekly' : session.may('review.registerDaily') ? 'registerDaily' : null))
  const done = useLiveQuery(() => db.reviews.toArray(), [])
  const firstDay = useLiveQuery(async () => {
    const first = await db.receptionIndex.orderBy('receivedAt').first()
    return first ? localDate(first.receivedAt, tz()) : localDate(Date.now(), tz())
  }, localDate(Date.now(), tz()))
  const due = computed(() => {
    if (!kind.value) return []
    const fn = kind.value === 'registerWeekly' ? weeklyReviewsDue : dailyReviewsDue
    return fn(done.value, now.value, tz(), firstDay.value)
  })
  const period = ref<string | null>(null)
  const requests = useLiveQuery(
    async () => (period.value && kind.value && session.local ? periodRequests(db, session.local.site.id, kind.value, period.value, tz()) : []),
    [],
    [period, kind],
  )
  return {
    kind,
    due,
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
        return e instanceof ReceptionInvalidError ? e.problems.map((p) => `register.problems.${p}`) : [errorMessageKey(e)]
      }
    },
  }
}
