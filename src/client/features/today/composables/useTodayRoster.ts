import { computed } from 'vue'
import { addMonths, awaitingReview, monthOf, type RosterStep, type RosterVersion, type VersionStatus } from '@shared/domain/roster'
import { draftDue, rosterMissing } from '@shared/domain/roster-cycle'
import { localDate } from '@shared/domain/time'
import { monthVersions } from '@client/db/roster/roster-month'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useNow } from '@client/composables/useNow'

export interface TodayRosterLine {
  /** `roster.today.<kind>` */
  kind: 'due' | 'overdue' | 'missing' | 'review' | 'acknowledge'
  month: string
  deadline?: string
  number?: number
}

/**
 * What the roster's cycle asks of this person today (篇2 4.1.1; issue 13 point 2): from the 20th the
 * administrator and the supervisor see next month's roster due by the 25th (or overdue); the supervisor
 * the rosters waiting for review, the manager the approved ones waiting to be acknowledged — this month and next.
 */
export function useTodayRoster() {
  const db = useDb()
  const session = useSessionStore()
  const now = useNow(60_000)
  const siteId = (): string => session.local?.site.id ?? ''
  const thisMonth = computed(() => monthOf(localDate(now.value, session.timezone)))
  const months = useLiveQuery<{ month: string; versions: RosterVersion[]; steps: RosterStep[]; statuses: VersionStatus[]; inForce: VersionStatus | null }[] | null>(
    async () => (siteId() ? Promise.all([thisMonth.value, addMonths(thisMonth.value, 1)].map(async (month) => ({ month, ...(await monthVersions(db, siteId(), month)) }))) : []),
    null,
    [siteId, thisMonth],
  )
  const lines = computed<TodayRosterLine[]>(() => {
    const role = session.staff?.role
    const out: TodayRosterLine[] = []
    const both = months.value ?? []
    if (both.length && (role === 'administrator' || role === 'supervisor')) {
      const [versions, steps] = [both.flatMap((m) => m.versions), both.flatMap((m) => m.steps)]
      const missing = rosterMissing(versions, steps, now.value, session.timezone)
      if (missing) out.push({ kind: 'missing', ...missing })
      const due = draftDue(versions, steps, now.value, session.timezone)
      if (due.state !== 'none') out.push({ kind: due.state, month: due.month, deadline: due.deadline })
    }
    for (const m of months.value ?? []) {
      if (session.may('roster.approve') && awaitingReview(m.statuses)) out.push({ kind: 'review', month: m.month })
      if (session.may('roster.acknowledge') && m.inForce && !m.inForce.acknowledged) out.push({ kind: 'acknowledge', month: m.month, number: m.inForce.number ?? 0 })
    }
    return out
  })
  return { lines, loaded: computed(() => months.value !== null) }
}
