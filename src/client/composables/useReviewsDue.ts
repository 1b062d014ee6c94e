import { computed, type ComputedRef, type ShallowRef } from 'vue'
import { dailyReviewRunning, dailyReviewsDue, weeklyReviewsDue, type Review, type ReviewKind } from '@shared/domain/review'
import { localDate } from '@shared/domain/time'
import { useDb } from '../modules/db'
import { useSessionStore } from '../stores/session'
import { useLiveQuery } from './useLiveQuery'
import { useNow } from './useNow'

export interface ReviewsDue {
  kind: ComputedRef<ReviewKind | null>
  /** Past periods not reviewed, newest first. */
  due: ComputedRef<string[]>
  /** Today, for a daily review: reviewed once the day has ended (今日结束后审核), never counted as due. */
  running: ComputedRef<string | null>
  done: ShallowRef<Review[]>
}

/** The reviews this role owes: the register (篇4 4.3 daily, 篇4 4.9 weekly) or the duty log (篇2 4.2.5 daily). */
export function useReviewsDue(scope: 'register' | 'dutyLog' = 'register'): ReviewsDue {
  const db = useDb()
  const session = useSessionStore()
  const now = useNow(60_000)
  const tz = (): string => session.timezone
  const kind = computed<ReviewKind | null>(() => {
    if (scope === 'dutyLog') return session.may('dutyLog.review') ? 'dutyLogDaily' : null
    return session.may('review.registerWeekly') ? 'registerWeekly' : session.may('review.registerDaily') ? 'registerDaily' : null
  })
  const done = useLiveQuery(() => db.reviews.toArray(), [])
  // Reviews are due from the first day there is something to review: the first request, or the first duty-log entry.
  const firstDay = useLiveQuery(async () => {
    const firstAt = scope === 'dutyLog' ? (await db.dutyEntries.orderBy('at').first())?.at : (await db.receptionIndex.orderBy('receivedAt').first())?.receivedAt
    return localDate(firstAt ?? Date.now(), tz())
  }, localDate(Date.now(), tz()))
  const due = computed(() => {
    if (!kind.value) return []
    if (kind.value === 'registerWeekly') return weeklyReviewsDue(done.value, now.value, tz(), firstDay.value)
    return dailyReviewsDue(done.value, now.value, tz(), firstDay.value, kind.value)
  })
  const running = computed(() => (kind.value && kind.value !== 'registerWeekly' ? dailyReviewRunning(now.value, tz(), firstDay.value) : null))
  return { kind, due, running, done }
}
