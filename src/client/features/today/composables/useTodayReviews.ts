import { computed, type ComputedRef } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import type { ReviewKind } from '@shared/domain/review'
import { useReviewsDue, type ReviewsDue } from '@client/composables/useReviewsDue'

export interface TodayReview {
  kind: ReviewKind
  /** Past periods not reviewed, newest first. */
  due: string[]
  /** Today's day, to be reviewed once it ends (not due). */
  running: string | null
  to: RouteLocationRaw
}

/**
 * The reviews this person owes, each with its own page: the register's (篇4 4.3 daily for the
 * supervisor, 篇4 4.9 weekly for the manager on Mondays) and the duty log's (篇2 4.2.5 daily).
 */
export function useTodayReviews(): ComputedRef<TodayReview[]> {
  const owed: [ReviewsDue, RouteLocationRaw][] = [
    [useReviewsDue('register'), { name: 'register-reviews' }],
    [useReviewsDue('dutyLog'), { name: 'duty-log-reviews' }],
  ]
  return computed(() => owed.flatMap(([r, to]) => (r.kind.value ? [{ kind: r.kind.value, due: r.due.value, running: r.running.value, to }] : [])))
}
