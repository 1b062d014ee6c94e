/**
 * Leave and swaps on the today screen (issue 13 point 3): for the supervisor, the requests waiting for an
 * answer; for the asker, the answers; for a cover or a swap partner, the shifts they now stand. Answers
 * show for a week, or until the person says "知道了" on this tablet.
 */
import { computed, type ComputedRef } from 'vue'
import { addMonths, monthOf } from '@shared/domain/roster'
import { requestLapsed } from '@shared/domain/roster-request'
import { DAY, localDate } from '@shared/domain/time'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useNow } from '@client/composables/useNow'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { markRequestNewsSeen, requestNews, type RequestNewsItem } from '@client/db/roster/roster-request-news'

/** How long an answer stays on the today screen without being marked seen. */
export const NEWS_DAYS = 7

export interface TodayRosterRequests {
  /** Open requests of the site whose first shift has not begun, oldest first (the supervisor's). */
  waiting: ComputedRef<RequestNewsItem[]>
  /** Answers to my requests. */
  answered: ComputedRef<RequestNewsItem[]>
  /** Approvals naming me as the cover. */
  covering: ComputedRef<RequestNewsItem[]>
  /** Approved swaps with me. */
  swapped: ComputedRef<RequestNewsItem[]>
  seen: () => Promise<void>
}

export function useTodayRosterRequests(): TodayRosterRequests {
  const db = useDb()
  const session = useSessionStore()
  const now = useNow(60_000)
  const siteId = (): string => session.local?.site.id ?? ''
  const me = (): string => session.staff?.id ?? ''
  const month = computed(() => monthOf(localDate(now.value, session.timezone)))
  const news = useLiveQuery(() => requestNews(db, siteId(), me(), [month.value, addMonths(month.value, 1)], session.timezone), { items: [], seenIds: [] }, [siteId, me, month])
  const fresh = computed(() => {
    const seen = new Set(news.value.seenIds)
    return news.value.items.filter((i) => i.answer && i.answer.at > now.value - NEWS_DAYS * DAY && !seen.has(i.answer.id))
  })
  return {
    // A request whose first shift has begun can no longer be approved: it waits for nobody (篇2 4.2.6 提前一天).
    waiting: computed(() => (session.may('roster.approve') ? news.value.items.filter((i) => !i.answer && !requestLapsed(i.startsAt, now.value)).sort((a, b) => a.request.at - b.request.at) : [])),
    answered: computed(() => fresh.value.filter((i) => i.request.staffId === me())),
    covering: computed(() => fresh.value.filter((i) => i.answer!.decision === 'approve' && i.answer!.coverId === me())),
    swapped: computed(() => fresh.value.filter((i) => i.answer!.decision === 'approve' && i.request.kind === 'swap' && i.request.swapWithId === me())),
    seen: () => markRequestNewsSeen(db, me(), fresh.value.map((i) => i.answer!.id)),
  }
}
