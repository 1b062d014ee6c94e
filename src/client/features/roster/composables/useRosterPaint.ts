import { ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { addMonths, codeFits, daysOf, shiftSnapshot, type RosterRow } from '@shared/domain/roster'
import { copiedDays, patternDays } from '@shared/domain/roster-staffing'
import { localDate } from '@shared/domain/time'
import type { RosterProblem } from '@client/db/roster/roster-writes'
import { paintCells, type Paint } from '@client/db/roster/roster-writes'
import { loadRosterMonth } from '@client/db/roster/roster-month'
import { problemKeys } from '@client/components/error-message'
import { useDb } from '@client/modules/db'
import { showConfirmDialog, showToast } from '@client/modules/vant'
import { useSessionStore } from '@client/stores/session'
import { cellKey, paintsTo, workingRows } from './roster-rows'
import type { RosterMonthView } from './useRosterMonth'

/**
 * Painting the working copy (issue 13 point 1): the code picked in the palette, a tap or a drag across
 * cells, last month copied, a weekly pattern — each one `paintCells` call, shown at once while it writes.
 */
export function useRosterPaint(view: RosterMonthView, month: () => string) {
  const db = useDb()
  const session = useSessionStore()
  const { t } = useI18n()
  /** The palette's pick: a shift type id, 'rest', 'leave', or '' to clear; null before one is picked. */
  const code = ref<string | null>(null)
  const problems = ref<string[]>([])
  const busy = ref(false)

  async function write(paints: Paint[]): Promise<void> {
    const staff = session.staff
    if (!paints.length || !staff || !session.local) return
    const laid = new Map(view.pending.value)
    for (const p of paints) laid.set(cellKey(p.staffId, p.date, p.lane), p.code)
    view.pending.value = laid
    const keys = paints.map((p) => cellKey(p.staffId, p.date, p.lane))
    for (const k of keys) view.settled.delete(k)
    busy.value = true
    try {
      await paintCells(db, { ...session.actor(), staffId: staff.id }, staff.role, month(), paints, session.timezone, Date.now())
      problems.value = []
      // Shown as painted until the stored cells are read back (no flicker to the old code in between).
      for (const k of keys) view.settled.add(k)
    } catch (e) {
      problems.value = problemKeys<RosterProblem>(e, (p) => `roster.problems.${p}`)
      const left = new Map(view.pending.value)
      for (const k of keys) left.delete(k)
      view.pending.value = left
    } finally {
      busy.value = false
    }
  }

  /** Paint the picked code into cells (a tap: one; a drag: every cell crossed). Support takes no 休/假. */
  function paint(cells: { row: RosterRow; date: string }[]): Promise<void> {
    const pick = code.value
    if (pick === null) return Promise.resolve()
    // A cell that already holds the code is not written again (no outbox entry, no newer stamp to win a merge).
    const changed = cells.filter((c) => codeFits(pick, c.row.lane) && (c.row.days[Number(c.date.slice(8)) - 1] ?? '') !== pick)
    return write(changed.map((c) => ({ staffId: c.row.staffId, date: c.date, lane: c.row.lane, code: pick })))
  }

  /** Days from today on: a pattern or a copy applied mid-month leaves what is past as it was. */
  const from = (): string => localDate(Date.now(), session.timezone)

  /**
   * Last month (its version in force, else its working copy) carried over by weekday, for every desk row.
   * Nothing to copy is said, not painted as empty days; what is painted already is only replaced when the
   * administrator says so.
   */
  async function copyLastMonth(): Promise<void> {
    const last = addMonths(month(), -1)
    const siteId = session.local?.site.id
    if (!siteId) return
    const data = await loadRosterMonth(db, siteId, last)
    if (!data.inForce && !data.cells.some((c) => c.code)) {
      showToast(t('roster.tools.nothingToCopy'))
      return
    }
    if (view.hasDraft.value) {
      const replace = await showConfirmDialog({ title: t('roster.tools.copy'), message: t('roster.tools.copyOver'), confirmButtonText: t('roster.tools.copyConfirm'), cancelButtonText: t('roster.tools.copyCancel') }).then(() => true, () => false)
      if (!replace) return
    }
    const lastRows = data.inForce?.version.snapshot.rows ?? workingRows(last, data.cells, data.statuses, view.staff.value, view.types.value, new Map())
    const known = new Set(shiftSnapshot(view.types.value).map((s) => s.id))
    const today = from()
    const days = daysOf(month())
    const paints = view.rows.value.flatMap((row) => {
      const before = lastRows.find((r) => r.staffId === row.staffId && r.lane === row.lane)
      if (!before) return []
      const copied = copiedDays(last, before.days, month(), known).map((c, i) => (days[i]! >= today ? c : (row.days[i] ?? '')))
      return paintsTo(month(), row, copied)
    })
    await write(paints)
  }

  /** A weekly pattern per person (Monday … Sunday codes; '' leaves the day as it is). */
  async function applyPattern(weeks: Record<string, string[]>): Promise<void> {
    const paints = view.rows.value.flatMap((row) => {
      const week = weeks[row.staffId]
      return row.lane === 'desk' && week ? paintsTo(month(), row, patternDays(month(), week, row.days, from())) : []
    })
    await write(paints)
  }

  return { code, problems, busy, paint, copyLastMonth, applyPattern }
}
