import { computed, ref, watch, type Ref } from 'vue'
import { awaitingReview, daysOf, monthOf, shiftSnapshot, type RosterRow, type ShiftSnapshot, type VersionStatus } from '@shared/domain/roster'
import { staffingOf, understaffed } from '@shared/domain/roster-staffing'
import { sameRoster } from '@shared/domain/roster-snapshot'
import { localDate } from '@shared/domain/time'
import { loadRosterMonth, type RosterMonth } from '@client/db/roster/roster-month'
import { useDb } from '@client/modules/db'
import { useSessionStore } from '@client/stores/session'
import { useLiveQuery } from '@client/composables/useLiveQuery'
import { useShiftTypes } from '@client/composables/useShiftTypes'
import { useSiteStaff } from '@client/composables/useSiteStaff'
import { workingRows } from './roster-rows'

/** What the grid shows: the working copy being drafted, the draft under review, the version in force, the last draft returned, or nothing yet. */
export type RosterView = 'working' | 'review' | 'inForce' | 'latest' | 'none'

/** Rows in the order of names (pinyin), so the draft and every version list people alike. */
const byName = (rows: readonly RosterRow[]): RosterRow[] => [...rows].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))

/** Why the grid cannot be painted now (null when it can). */
export type ReadOnlyReason = 'notAdministrator' | 'underReview' | 'pastMonth' | null

/**
 * One month of the roster as the person at the tablet sees it (issue 13 points 1–2): the administrator
 * paints the working copy; the supervisor sees the draft under review, or the version in force; everyone
 * else the version in force. Paints still being written (`pending`) show at once over what is stored.
 */
export function useRosterMonth(month: Ref<string>) {
  const db = useDb()
  const session = useSessionStore()
  const types = useShiftTypes()
  const { staff } = useSiteStaff()
  const siteId = (): string => session.local?.site.id ?? ''
  const data = useLiveQuery<RosterMonth | null>(() => (siteId() ? loadRosterMonth(db, siteId(), month.value) : Promise.resolve(null)), null, [month, siteId])
  const pending = ref(new Map<string, string>())
  /** Pending paints already written: dropped once the month is read again with them in it. */
  const settled = new Set<string>()
  watch(data, () => {
    if (!settled.size) return
    const left = new Map(pending.value)
    for (const k of settled) left.delete(k)
    settled.clear()
    pending.value = left
  })
  /** Staff the administrator added to the support section (篇2 4.1.2) before painting their first cell. */
  const addedSupport = ref<string[]>([])
  watch(month, () => (addedSupport.value = []))
  const role = computed(() => session.staff?.role ?? null)
  const drafts = computed(() => session.may('roster.draft'))
  const statuses = computed<VersionStatus[]>(() => (data.value?.month === month.value ? data.value.statuses : []))
  const review = computed(() => awaitingReview(statuses.value))
  const inForce = computed(() => (data.value?.month === month.value ? data.value.inForce : null))

  const view = computed<RosterView>(() => {
    if (drafts.value) return 'working'
    if (role.value === 'supervisor' && review.value) return 'review'
    if (inForce.value) return 'inForce'
    // The supervisor still reads the draft they returned, to see what they asked to change.
    return role.value === 'supervisor' && statuses.value.length ? 'latest' : 'none'
  })
  const shown = computed(() => {
    if (view.value === 'review') return review.value
    if (view.value === 'inForce') return inForce.value
    return view.value === 'latest' ? (statuses.value.at(-1) ?? null) : null
  })
  const legend = computed<ShiftSnapshot[]>(() => shown.value?.version.snapshot.shifts ?? shiftSnapshot(types.value))
  const rows = computed<RosterRow[]>(() => byName(unsortedRows()))
  const unsortedRows = (): RosterRow[] => {
    if (shown.value) return shown.value.version.snapshot.rows
    if (view.value !== 'working' || !data.value) return []
    const rows = workingRows(month.value, data.value.cells, statuses.value, staff.value, types.value, pending.value)
    const blank = daysOf(month.value).map(() => '')
    for (const id of addedSupport.value) {
      const s = staff.value.find((x) => x.id === id)
      if (s && !rows.some((r) => r.staffId === id && r.lane === 'support')) rows.push({ staffId: id, name: s.name, lane: 'support', days: blank })
    }
    return rows
  }
  const staffing = computed(() => staffingOf(month.value, rows.value, legend.value))
  const short = computed(() => understaffed(staffing.value, legend.value))

  const thisMonth = (): string => monthOf(localDate(Date.now(), session.timezone))
  const readOnly = computed<ReadOnlyReason>(() => {
    if (!drafts.value) return 'notAdministrator'
    if (review.value) return 'underReview'
    return month.value < thisMonth() ? 'pastMonth' : null
  })
  const hasDraft = computed(() => !!data.value?.cells.some((c) => c.code))
  /** The administrator's working copy differs from the version in force: changes not yet submitted, not in force. */
  const unsubmitted = computed(() => drafts.value && !!inForce.value && !sameRoster({ shifts: [], rows: rows.value }, inForce.value.version.snapshot))
  const loaded = computed(() => data.value?.month === month.value)

  return { data, loaded, addedSupport, settled, statuses, review, inForce, view, shown, legend, rows, staffing, short, readOnly, hasDraft, unsubmitted, pending, staff, types, thisMonth }
}

export type RosterMonthView = ReturnType<typeof useRosterMonth>
