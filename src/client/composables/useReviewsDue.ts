import { computed, type ComputedRef, type ShallowRef } from 'vue'
import { dailyReviewsDue, weeklyReviewsDue, type Review, type ReviewKind } from '@shared/domain/review'
import { localDate } from '@shared/domain/time'
import { useDb } from '../modules/db'
import { useSessionStore } from '../stores/session'
import { useLiveQuery } from './useLiveQuery'
import { useNow } from './useNow'

/** The reviews this role owes: the register (篇4 4.3 daily, 4.9 weekly) or the duty log (篇2 4.2.5 daily). */
export function useReviewsDue(scope: 'register' | 'dutyLog' = 'register'): { kind: ComputedRef<ReviewKind | null>; due: ComputedRef<string[]>; done: ShallowRef<Review[]> } {
  const db = useDb()
  const session = useSessionStore()
  const now = useNow(60_000)
  const tz = (): string => session.local?.settings.timezone ?? 'Asia/Shanghai'
  const kind = computed<ReviewKind | null>(() => {
    if (scope === 'dutyLog') return session.may('dutyLog.review') ? 'dutyLogDaily' : null
    return session.may('review.registerWeekly') ? 'registerWeekly' : session.may('review.registerDaily') ? 'registerDaily' : null
  })
  const done = useLiveQuery(() => db.reviews.toArray(), [])
  // Reviews are due from the site's first register day on.
  const firstDay = useLiveQuery(async () => {
    const first = await db.receptionIndex.orderBy('receivedAt').first()
    return first ? localDate(first.receivedAt, tz()) : localDate(Date.now(), tz())
  }, localDate(Date.now(), tz()))
  const due = computed(() => {
    if (!kind.value) return []
    if (kind.value === 'registerWeekly') return weeklyReviewsDue(done.value, now.value, tz(), firstDay.value)
    return dailyReviewsDue(done.value, now.value, tz(), firstDay.value, kind.value)
  })
  return { kind, due, done }
}
