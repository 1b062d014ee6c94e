/**
 * Staffing of a roster (issue 13 point 1): per day and shift, how many stand the desk against the shift's
 * minimum, and back-office support counted apart (篇2 4.1.2); and the painting helpers of the grid —
 * a weekly pattern, last month copied. Pure, so the grid re-checks a cell in well under a frame.
 */
import { daysOf, LEAVE, REST, weekdayOf, type Lane, type RosterRow, type ShiftSnapshot } from './roster'

export interface DayStaffing {
  date: string
  /** Desk people per shift type id. */
  desk: Record<string, number>
  /** Support people per shift type id. */
  support: Record<string, number>
}

export interface Understaffed {
  date: string
  shiftTypeId: string
  have: number
  need: number
}

/** Counts of the month by day: desk and support apart. */
export function staffingOf(month: string, rows: readonly Pick<RosterRow, 'lane' | 'days'>[], shifts: readonly Pick<ShiftSnapshot, 'id'>[]): DayStaffing[] {
  return daysOf(month).map((date, i) => {
    const desk: Record<string, number> = {}
    const support: Record<string, number> = {}
    for (const s of shifts) desk[s.id] = support[s.id] = 0
    for (const r of rows) {
      const code = r.days[i]
      if (!code || !(code in desk)) continue
      const counts = r.lane === 'desk' ? desk : support
      counts[code] = (counts[code] ?? 0) + 1
    }
    return { date, desk, support }
  })
}

/** Shifts with fewer at the desk than their minimum — support does not count (篇2 4.1.2: 支援, not 值班). */
export function understaffed(staffing: readonly DayStaffing[], shifts: readonly Pick<ShiftSnapshot, 'id' | 'minStaff'>[]): Understaffed[] {
  const out: Understaffed[] = []
  for (const day of staffing) {
    for (const s of shifts) {
      const have = day.desk[s.id] ?? 0
      if (have < s.minStaff) out.push({ date: day.date, shiftTypeId: s.id, have, need: s.minStaff })
    }
  }
  return out
}

/**
 * One person's row after a cell is painted: the day count changes by that one cell only, so the grid keeps
 * its counts without counting the month again (`applyPaint`).
 */
export function applyPaint(staffing: DayStaffing[], dayIndex: number, lane: Lane, before: string, after: string): void {
  const day = staffing[dayIndex]
  if (!day || before === after) return
  const counts = lane === 'desk' ? day.desk : day.support
  if (before in counts) counts[before]! -= 1
  if (after in counts) counts[after]! += 1
}

/**
 * A weekly pattern laid over the month: `week[0]` is Monday's code … `week[6]` Sunday's; '' leaves the day
 * as it is. Days from `from` on only (a pattern applied mid-month does not rewrite what is past).
 */
export function patternDays(month: string, week: readonly string[], current: readonly string[], from = ''): string[] {
  return daysOf(month).map((date, i) => (date >= from && week[weekdayOf(date)] ? week[weekdayOf(date)]! : (current[i] ?? '')))
}

/**
 * Last month's row carried into this month day by day of the week: each day takes the code of the same
 * weekday in the last full week of last month, so a rotation keeps its rhythm. 假 is not carried (leave is
 * for the days it was asked for); codes of shift types no longer in use become empty.
 */
export function copiedDays(lastMonth: string, lastDays: readonly string[], month: string, known: ReadonlySet<string>): string[] {
  const last = daysOf(lastMonth)
  const byWeekday = new Map<number, string>()
  for (let i = last.length - 1; i >= 0 && byWeekday.size < 7; i--) {
    const wd = weekdayOf(last[i]!)
    if (!byWeekday.has(wd)) byWeekday.set(wd, lastDays[i] ?? '')
  }
  return daysOf(month).map((date) => {
    const code = byWeekday.get(weekdayOf(date)) ?? ''
    return code === LEAVE || (code !== REST && !known.has(code)) ? '' : code
  })
}
