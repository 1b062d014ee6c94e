/**
 * The printed 排班表's grid as plain rows (篇2 4.1.1–4.1.2, 5.2; issue 13 point 6): staff × days with each
 * cell's short code, 休 or 假; desk rows first, back-office support after them marked apart (篇2 4.1.2); the
 * day's count per shift under the grid, short of the shift's minimum marked; the legend of codes and times.
 * Pure, for the print components' props.
 */
import { daysOf, LEAVE, REST, weekdayOf, type RosterSnapshot, type ShiftSnapshot } from '@shared/domain/roster'
import { staffingOf } from '@shared/domain/roster-staffing'
import { minutesOfDay } from '@shared/domain/time'
import type { PrintColumn, PrintRow } from '@client/components/print-types'

type T = (key: string, params?: Record<string, unknown>) => string

/** Widths of the name, lane and total columns (percent of the table); the days share the rest. */
const NAME = 7
const LANE = 6
const TOTAL = 4

/** The grid's columns: 姓名, 岗位, a column per day headed by its number and weekday (一…日), 班数. */
export function gridColumns(month: string, t: T): PrintColumn[] {
  const days = daysOf(month)
  const day = `${((100 - NAME - LANE - TOTAL) / days.length).toFixed(3)}%`
  return [
    { key: 'name', label: t('rosterPrint.name'), width: `${NAME}%`, align: 'center' },
    { key: 'lane', label: t('rosterPrint.lane'), width: `${LANE}%`, align: 'center' },
    ...days.map((d, i): PrintColumn => ({ key: `d${i + 1}`, label: `${i + 1}\n${t(`rosterPrint.weekdays.${weekdayOf(d)}`)}`, width: day, align: 'center' })),
    { key: 'total', label: t('rosterPrint.total'), width: `${TOTAL}%`, align: 'center' },
  ]
}

/** What a cell prints: the shift's short code, 休, 假, or nothing. */
export function cellText(code: string, shifts: ReadonlyMap<string, Pick<ShiftSnapshot, 'code'>>, t: T): string {
  if (code === REST) return t('rosterPrint.rest')
  if (code === LEAVE) return t('rosterPrint.leave')
  return shifts.get(code)?.code ?? ''
}

/** One row per person and lane, desk first; 班数 counts the shifts of the row. */
export function gridRows(snapshot: RosterSnapshot, t: T): PrintRow[] {
  const shifts = new Map(snapshot.shifts.map((s) => [s.id, s]))
  const ordered = [...snapshot.rows.filter((r) => r.lane === 'desk'), ...snapshot.rows.filter((r) => r.lane === 'support')]
  return ordered.map((r) => {
    const row: PrintRow = { name: r.name, lane: t(`rosterPrint.lanes.${r.lane}`), total: String(r.days.filter((c) => shifts.has(c)).length) }
    r.days.forEach((code, i) => (row[`d${i + 1}`] = cellText(code, shifts, t)))
    return row
  })
}

/** Rows of the form to fill in by hand: the names given, then empty rows up to `least`. */
export function blankRows(names: readonly string[], least: number, t: T): PrintRow[] {
  const rows = names.map((name): PrintRow => ({ name, lane: t('rosterPrint.lanes.desk') }))
  while (rows.length < least) rows.push({})
  return rows
}

export interface CountLine {
  label: string
  /** One per day: the count, '' on a blank form. */
  counts: string[]
  /** Days below the shift's minimum (desk only). */
  short: boolean[]
}

/** 每日在岗人数: desk people per shift and day against the minimum; support people apart when there are any. */
export function countLines(month: string, snapshot: RosterSnapshot | null, shifts: readonly ShiftSnapshot[], t: T): CountLine[] {
  const n = daysOf(month).length
  if (!snapshot) return shifts.map((s) => ({ label: t('rosterPrint.countOf', { shift: s.name }), counts: Array<string>(n).fill(''), short: Array<boolean>(n).fill(false) }))
  const staffing = staffingOf(month, snapshot.rows, shifts)
  const lines = shifts.map((s) => ({
    label: t('rosterPrint.countOf', { shift: s.name }),
    counts: staffing.map((d) => String(d.desk[s.id] ?? 0)),
    short: staffing.map((d) => (d.desk[s.id] ?? 0) < s.minStaff),
  }))
  if (!snapshot.rows.some((r) => r.lane === 'support')) return lines
  const support = staffing.map((d) => Object.values(d.support).reduce((a, b) => a + b, 0))
  return [...lines, { label: t('rosterPrint.supportCount'), counts: support.map(String), short: support.map(() => false) }]
}

/** 白=白班 08:00–20:00(最少1人);夜=夜班 20:00–次日08:00 …;休=休息;假=请假. */
export function legendText(shifts: readonly ShiftSnapshot[], t: T): string {
  const items = shifts.map((s) => {
    const overnight = minutesOfDay(s.end) <= minutesOfDay(s.start)
    const times = overnight ? t('rosterPrint.overnight', { start: s.start, end: s.end }) : `${s.start}–${s.end}`
    return t('rosterPrint.legendShift', { code: s.code, name: s.name, times, min: s.minStaff })
  })
  return [...items, t('rosterPrint.legendRest'), t('rosterPrint.legendLeave')].join(t('rosterPrint.legendSeparator'))
}
